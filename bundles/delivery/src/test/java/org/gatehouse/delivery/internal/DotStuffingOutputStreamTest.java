package org.gatehouse.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DotStuffingOutputStreamTest {

    private static String stuff(String... chunks) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DotStuffingOutputStream data = new DotStuffingOutputStream(wire);
        for (String chunk : chunks) {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            data.write(bytes, 0, bytes.length);
        }
        data.finish();
        return wire.toString(StandardCharsets.UTF_8);
    }

    @Test
    void doublesLeadingDots() throws IOException {
        assertEquals("..hidden\r\na.b\r\n..\r\n...x\r\n.\r\n", stuff(".hidden\r\na.b\r\n.\r\n..x\r\n"));
    }

    @Test
    void worksAcrossBufferBoundaries() throws IOException {
        assertEquals("a\r\n..b\r\n.\r\n", stuff("a\r", "\n", ".b\r\n"));
        assertEquals("a\r\n..\r\n.\r\n", stuff("a\r\n", ".", "\r\n"));
    }

    @Test
    void endsTheLastLineAndFixesBareLf() throws IOException {
        assertEquals("x\r\ny\r\n..z\r\n.\r\n", stuff("x\ny\n.z"));
        assertEquals(".\r\n", stuff());
    }
}
