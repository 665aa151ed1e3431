package org.gatehouse.itests.support;

import java.util.UUID;

/** Small RFC 5322 messages with a unique marker in the subject, to find them at the sink. */
public final class TestMessage {

    private TestMessage() {
    }

    public static String marker() {
        return "it-" + UUID.randomUUID();
    }

    /** Mail clients date their messages; anti-spam rightly counts a missing Date against one. */
    static String date() {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now());
    }

    /**
     * The header fields every test message starts with (no empty line after them): the marker is
     * in the Subject and the Message-ID, to find the message at the sink and in spamd's log.
     */
    static String header(String from, String to, String marker) {
        return "From: <" + from + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: test " + marker + "\r\n"
                + "Message-ID: <" + marker + "@client.test>\r\n"
                + "Date: " + date() + "\r\n";
    }

    public static String simple(String from, String to, String marker) {
        return header(from, to, marker)
                + "\r\n"
                + "Hello from the Gatehouse integration tests.\r\n"
                + ".a line that starts with a dot\r\n"
                + "marker " + marker;
    }

    /** A message with the EICAR test file as a base64 attachment, as a mail client sends it. */
    public static String withEicarAttachment(String from, String to, String marker) {
        String file = java.util.Base64.getMimeEncoder(76, "\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(EicarTail.eicar().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return header(from, to, marker)
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "The report you asked for. marker " + marker + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain; name=\"report.txt\"\r\n"
                + "Content-Disposition: attachment; filename=\"report.txt\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + file + "\r\n"
                + "--b1--";
    }
}
