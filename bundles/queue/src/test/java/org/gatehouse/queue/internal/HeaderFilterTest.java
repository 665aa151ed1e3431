package org.gatehouse.queue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HeaderFilterTest {

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String without(String text, String... names) throws IOException {
        try (InputStream filtered = HeaderFilter.without(in(text), Set.of(names))) {
            return new String(filtered.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void leavesOutEveryFieldOfTheNameWithItsFoldedLines() throws IOException {
        String msg = "Subject: one\r\n\ttwo\r\nX-A: 1\r\nsubject : again\r\nX-B: 2\r\n\r\nSubject: body\r\n";
        assertEquals("X-A: 1\r\nX-B: 2\r\n\r\nSubject: body\r\n", without(msg, "subject"));
        assertEquals(msg.length() - "X-A: 1\r\nX-B: 2\r\n\r\nSubject: body\r\n".length(),
                HeaderFilter.removedOctets(in(msg), Set.of("subject")));
    }

    @Test
    void aMessageWithoutHeaderFieldsIsServedAsItIs() throws IOException {
        String msg = "\r\nSubject: looks like a field but is body\r\n\r\nmore\r\n";
        assertEquals(msg, without(msg, "subject"));
        assertNull(HeaderFilter.firstValue(in(msg), "subject"));
    }

    @Test
    void aMessageThatIsAllHeaderIsFilteredToTheEnd() throws IOException {
        assertEquals("X-A: 1\r\n", without("Subject: x\r\nX-A: 1\r\n", "subject"));
    }

    @Test
    void firstValueUnfoldsAndIgnoresCase() throws IOException {
        String msg = "Received: x\r\nSUBJECT:  hello\r\n world \r\nSubject: second\r\n\r\nbody";
        assertEquals("hello world", HeaderFilter.firstValue(in(msg), "subject"));
        assertNull(HeaderFilter.firstValue(in(msg), "from"));
    }
}
