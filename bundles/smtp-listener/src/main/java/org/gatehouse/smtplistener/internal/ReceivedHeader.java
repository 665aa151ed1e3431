package org.gatehouse.smtplistener.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The trace header (RFC 5321 4.4) the listener puts on top of every message it receives. */
final class ReceivedHeader {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    private ReceivedHeader() {
    }

    /**
     * @param protocol  {@code SMTP}, {@code ESMTP}, {@code ESMTPS} or {@code ESMTPSA} (RFC 3848)
     * @param recipient named in a {@code for} clause only when the message has exactly one
     */
    static byte[] build(String helo, String reverseDns, String remoteIp, String hostname, String protocol,
                        String tlsProtocol, long mid, String recipient, ZonedDateTime when) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("Received: from ").append(helo == null || helo.isEmpty() ? "unknown" : sanitize(helo))
          .append(" (").append(reverseDns == null ? "unknown" : reverseDns)
          .append(" [").append(remoteIp.indexOf(':') >= 0 ? "IPv6:" + remoteIp : remoteIp).append("])\r\n");
        sb.append("\tby ").append(hostname).append(" (Gatehouse) with ").append(protocol);
        if (tlsProtocol != null) {
            sb.append(" (").append(tlsProtocol).append(')');
        }
        sb.append(" id ").append(mid);
        if (recipient != null) {
            sb.append("\r\n\tfor <").append(sanitize(recipient)).append('>');
        }
        sb.append(";\r\n\t").append(DATE.format(when)).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps what the client said from breaking the header's structure. */
    private static String sanitize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || c == '(' || c == ')' || c == ';' ? '_' : c);
        }
        return sb.toString();
    }
}
