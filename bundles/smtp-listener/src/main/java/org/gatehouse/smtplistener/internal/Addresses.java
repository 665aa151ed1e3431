package org.gatehouse.smtplistener.internal;

/** Completes and checks envelope addresses the way the listener's settings say. */
final class Addresses {

    private Addresses() {
    }

    /** The reverse path with default.domain added to a bare local part. */
    static String sender(String from, boolean smtpUtf8, ListenerSettings settings) throws SmtpReplyException {
        if (!from.isEmpty() && from.indexOf('@') < 0) {
            if (settings.defaultDomain().isEmpty()) {
                throw new SmtpReplyException("553 5.1.7 Sender address must have a domain");
            }
            from = from + "@" + settings.defaultDomain();
        }
        requireAscii(from, smtpUtf8);
        return from;
    }

    /** The forward path; {@code <postmaster>} is always accepted (RFC 5321 4.5.1). */
    static String recipient(PathArgument path, boolean smtpUtf8, ListenerSettings settings) throws SmtpReplyException {
        if (!path.params().isEmpty()) {
            throw new SmtpReplyException("555 5.5.4 Unsupported parameter " + path.params().keySet().iterator().next());
        }
        String to = path.address();
        if (to.isEmpty()) {
            throw new SmtpReplyException("501 5.1.3 Bad recipient address syntax");
        }
        if (to.indexOf('@') < 0) {
            boolean postmaster = "postmaster".equalsIgnoreCase(to);
            if (settings.defaultDomain().isEmpty() && !postmaster) {
                throw new SmtpReplyException("553 5.1.3 Recipient address must have a domain");
            }
            to = to + "@" + (settings.defaultDomain().isEmpty() ? settings.hostname() : settings.defaultDomain());
        }
        requireAscii(to, smtpUtf8);
        return to;
    }

    private static void requireAscii(String address, boolean smtpUtf8) throws SmtpReplyException {
        if (smtpUtf8) {
            return;
        }
        for (int i = 0; i < address.length(); i++) {
            if (address.charAt(i) > 0x7e) {
                throw new SmtpReplyException(Replies.NEED_SMTPUTF8);
            }
        }
    }
}
