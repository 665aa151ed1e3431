package org.gatehouse.api;

import java.util.List;

/**
 * The SMTP envelope of one message.
 *
 * @param mailFrom   the reverse path without angle brackets; empty for the null sender {@code <>}
 * @param recipients the forward paths in the order the client gave them
 * @param smtpUtf8   the client asked for SMTPUTF8 (RFC 6531)
 * @param body       the BODY parameter: {@code 7BIT}, {@code 8BITMIME} or {@code BINARYMIME}
 */
public record Envelope(String mailFrom, List<Recipient> recipients, boolean smtpUtf8, String body) {
    public Envelope {
        recipients = List.copyOf(recipients);
    }

    public boolean nullSender() {
        return mailFrom.isEmpty();
    }
}
