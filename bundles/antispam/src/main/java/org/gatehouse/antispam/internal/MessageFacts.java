package org.gatehouse.antispam.internal;

import java.util.List;
import org.gatehouse.api.Connection;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.Recipient;

/**
 * What the gateway knows about a message besides its content: engines use it (spamd and Rspamd
 * receive it as request headers; the embedded engine reads the sender's reputation).
 *
 * @param remoteIp  the client's address, or empty
 * @param helo      what it said in HELO/EHLO, or empty
 * @param reverseDns the client's verified PTR name, or empty
 * @param mailFrom  the envelope sender, empty for the null sender
 * @param recipients envelope recipients
 * @param sbrs      the sender's reputation score -10..+10, or null for "none"
 */
record MessageFacts(String remoteIp, String helo, String reverseDns, String mailFrom, List<String> recipients, Double sbrs) {

    static MessageFacts none() {
        return new MessageFacts("", "", "", "", List.of(), null);
    }

    static MessageFacts of(MailMessage message) {
        Connection c = message.connection();
        List<String> rcpts = message.envelope().recipients().stream().map(Recipient::address).toList();
        return new MessageFacts(orEmpty(c.remoteIp()), orEmpty(c.helo()),
                c.reverseDnsVerified() ? orEmpty(c.reverseDns()) : "", message.envelope().mailFrom(), rcpts, c.sbrs());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
