package org.gatehouse.queue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpareFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFinishedFileIsEmptiedAndReceivesTheNextMessage() throws IOException {
        SpoolDirectory spool = new SpoolDirectory(dir, false);
        Path done = spool.messageFile(spool.active(), 1);
        Files.writeString(done, "old content");
        spool.discardMessageFile(done);
        assertFalse(Files.exists(done));
        assertEquals(1, spool.spares().size());

        Path next = spool.incomingFile(2);
        try (FileChannel ch = spool.openNewMessageFile(next)) {
            ch.write(ByteBuffer.wrap("new".getBytes(StandardCharsets.US_ASCII)));
        }
        assertEquals("new", Files.readString(next));
        assertEquals(0, spool.spares().size());
    }

    @Test
    void anExistingFileIsNeverReplaced() throws IOException {
        SpoolDirectory spool = new SpoolDirectory(dir, false);
        Path done = spool.messageFile(spool.active(), 1);
        Files.writeString(done, "x");
        spool.discardMessageFile(done);
        Path taken = spool.incomingFile(2);
        Files.writeString(taken, "mine");
        assertThrows(IOException.class, () -> spool.openNewMessageFile(taken));
        assertEquals("mine", Files.readString(taken));
    }

    @Test
    void sparesDoNotSurviveARestart() throws IOException {
        SpoolDirectory spool = new SpoolDirectory(dir, false);
        Path done = spool.messageFile(spool.active(), 1);
        Files.writeString(done, "x");
        spool.discardMessageFile(done);
        SpoolDirectory again = new SpoolDirectory(dir, false);
        assertEquals(0, again.spares().size());
        try (var left = Files.list(dir.resolve("spare"))) {
            assertTrue(left.findAny().isEmpty());
        }
    }
}
