package org.gatehouse.itests.support;

import java.util.UUID;

/** Small RFC 5322 messages with a unique marker in the subject, to find them at the sink. */
public final class TestMessage {

    private TestMessage() {
    }

    public static String marker() {
        return "it-" + UUID.randomUUID();
    }

    public static String simple(String from, String to, String marker) {
        return "From: <" + from + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: test " + marker + "\r\n"
                + "Message-ID: <" + marker + "@client.test>\r\n"
                + "\r\n"
                + "Hello from the Gatehouse integration tests.\r\n"
                + ".a line that starts with a dot\r\n"
                + "marker " + marker;
    }
}
