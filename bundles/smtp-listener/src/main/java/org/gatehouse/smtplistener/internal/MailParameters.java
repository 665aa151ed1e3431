package org.gatehouse.smtplistener.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The MAIL FROM parameters the listener supports: SIZE (RFC 1870), BODY=7BIT|8BITMIME
 * (RFC 6152), SMTPUTF8 (RFC 6531) and AUTH (RFC 4954, accepted and ignored). Any other parameter
 * is refused with 555.
 */
record MailParameters(String from, boolean smtpUtf8, String body) {

    static MailParameters of(PathArgument path, boolean esmtp, long sizeLimit) throws SmtpReplyException {
        boolean utf8 = false;
        String body = "7BIT";
        if (!esmtp && !path.params().isEmpty()) {
            throw new SmtpReplyException("555 5.5.4 Parameters need EHLO");
        }
        for (Map.Entry<String, String> p : path.params().entrySet()) {
            String value = p.getValue();
            switch (p.getKey()) {
                case "SIZE" -> {
                    long declared;
                    try {
                        declared = Long.parseLong(value == null ? "" : value);
                    } catch (NumberFormatException e) {
                        throw new SmtpReplyException("501 5.5.4 Bad SIZE value");
                    }
                    if (declared < 0) {
                        throw new SmtpReplyException("501 5.5.4 Bad SIZE value");
                    }
                    if (declared > sizeLimit) {
                        throw new SmtpReplyException(Replies.TOO_BIG);
                    }
                }
                case "BODY" -> {
                    String type = value == null ? "" : value.toUpperCase(Locale.ROOT);
                    if (!type.equals("7BIT") && !type.equals("8BITMIME")) {
                        throw new SmtpReplyException("555 5.5.4 Unsupported BODY type " + value);
                    }
                    body = type;
                }
                case "SMTPUTF8" -> {
                    if (value != null) {
                        throw new SmtpReplyException("501 5.5.4 SMTPUTF8 takes no value");
                    }
                    utf8 = true;
                }
                case "AUTH" -> {
                    // RFC 4954 5: the identity a relaying client vouches for; we trust only our own AUTH.
                }
                default -> throw new SmtpReplyException("555 5.5.4 Unsupported parameter " + p.getKey());
            }
        }
        return new MailParameters(path.address(), utf8, body);
    }
}
