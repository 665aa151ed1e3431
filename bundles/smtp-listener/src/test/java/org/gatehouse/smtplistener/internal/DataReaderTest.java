package org.gatehouse.smtplistener.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DataReaderTest {

    private final DataReader reader = new DataReader();
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private final DataReader.Sink sink = run -> {
        byte[] b = new byte[run.remaining()];
        run.get(b);
        content.write(b, 0, b.length);
    };

    private boolean feed(ByteBuffer in) throws Exception {
        return reader.read(in, sink);
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String content() {
        return content.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void endsAtCrlfDotCrlfAndLeavesPipelinedInput() throws Exception {
        ByteBuffer in = bytes("a\r\n..b\r\n.c\r\n.\r\nQUIT\r\n");
        assertTrue(feed(in));
        assertEquals("a\r\n.b\r\nc\r\n", content());
        assertEquals("QUIT\r\n", StandardCharsets.ISO_8859_1.decode(in).toString());
        assertFalse(reader.bareLineEnd());
    }

    @Test
    void terminatorSplitOverBuffersOneOctetAtATime() throws Exception {
        String message = "x\r\n.\r\n";
        for (int i = 0; i < message.length() - 1; i++) {
            assertFalse(feed(bytes(message.substring(i, i + 1))));
        }
        assertTrue(feed(bytes("\n")));
        assertEquals("x\r\n", content());
    }

    @Test
    void emptyMessage() throws Exception {
        assertTrue(feed(bytes(".\r\n")));
        assertEquals("", content());
    }

    @Test
    void bareLineFeedsNeverEndData() throws Exception {
        assertFalse(feed(bytes("a\n.\nb\r\n")));
        assertTrue(reader.bareLineEnd());
        assertFalse(feed(bytes("c\n.\r\n")));
        assertTrue(feed(bytes(".\r\n")));
    }

    @Test
    void mixedLineEndsAroundTheDotNeverEndData() throws Exception {
        assertFalse(feed(bytes("a\r\n.\nb\n.\r\nc\r.\r\n")));
        assertTrue(reader.bareLineEnd());
        assertTrue(feed(bytes("\r\n.\r\n")));
    }

    @Test
    void bareCarriageReturnsNeverEndData() throws Exception {
        assertFalse(feed(bytes("a\r.\rb\r\n")));
        assertTrue(reader.bareLineEnd());
        assertFalse(feed(bytes("\r\n.\rx\r\n")));
        assertTrue(feed(bytes(".\r\n")));
    }
}
