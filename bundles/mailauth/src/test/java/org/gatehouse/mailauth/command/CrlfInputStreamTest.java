package org.gatehouse.mailauth.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CrlfInputStreamTest {

    private static String read(String text) throws IOException {
        try (CrlfInputStream in = new CrlfInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void bareLineFeedsBecomeCrlfAndCrlfStays() throws IOException {
        assertEquals("a\r\nb\r\n\r\nc", read("a\nb\n\nc"));
        assertEquals("a\r\nb\r\n", read("a\r\nb\r\n"));
        assertEquals("", read(""));
    }
}
