package org.gatehouse.smtplistener.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.gatehouse.smtplistener.internal.CommandLineReader.Result;
import org.junit.jupiter.api.Test;

class CommandLineReaderTest {

    private final CommandLineReader reader = new CommandLineReader();

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String line() {
        return new String(reader.bytes(), 0, reader.length(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitsLinesAcrossBuffers() {
        assertEquals(Result.NEED_MORE, reader.read(bytes("NO")));
        ByteBuffer rest = bytes("OP\r\nQUIT\n");
        assertEquals(Result.LINE, reader.read(rest));
        assertEquals("NOOP", line());
        assertEquals(Result.LINE, reader.read(rest));
        assertEquals("QUIT", line());
        assertEquals(Result.NEED_MORE, reader.read(rest));
    }

    @Test
    void thousandOctetsIncludingCrlfIsTheLimit() {
        assertEquals(Result.LINE, reader.read(bytes("a".repeat(998) + "\r\n")));
        assertEquals(998, reader.length());
        ByteBuffer tooLong = bytes("a".repeat(999) + "\r\nNOOP\r\n");
        assertEquals(Result.TOO_LONG, reader.read(tooLong));
        assertEquals(Result.LINE, reader.read(tooLong));
        assertEquals("NOOP", line());
    }

    @Test
    void discardsTheRestOfALongLineOverManyBuffers() {
        for (int i = 0; i < 10; i++) {
            assertEquals(Result.NEED_MORE, reader.read(bytes("x".repeat(700))));
        }
        assertEquals(Result.TOO_LONG, reader.read(bytes("x\r\n")));
        assertEquals(Result.LINE, reader.read(bytes("RSET\r\n")));
        assertEquals("RSET", line());
    }
}
