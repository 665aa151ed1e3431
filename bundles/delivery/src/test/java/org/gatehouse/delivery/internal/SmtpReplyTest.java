package org.gatehouse.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void readsTheEnhancedStatus() {
        assertEquals("5.1.1", new SmtpReply(550, List.of("5.1.1 No such user"), true).status());
        assertEquals("4.2.2", new SmtpReply(452, List.of("4.2.2 Mailbox full", "more"), true).status());
        assertEquals("5.0.0", new SmtpReply(550, List.of("No such user"), true).status());
        assertEquals("4.0.0", new SmtpReply(450, List.of("5.1.1 wrong class"), true).status());
        assertEquals("550 5.1.1 a b", new SmtpReply(550, List.of("5.1.1 a", "b"), true).toString());
    }
}
