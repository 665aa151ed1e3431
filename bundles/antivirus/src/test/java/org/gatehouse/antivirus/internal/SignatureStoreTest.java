package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates swap the whole database; a broken update keeps the working one. */
class SignatureStoreTest {

    @TempDir
    Path dir;

    private static String sig(String name, String text) {
        return name + ":0:*:" + Fixtures.hex(text.getBytes()) + "\n";
    }

    @Test
    void updateCopiesAndSwaps() throws Exception {
        Path folder = dir.resolve("antivirus");
        SignatureStore store = new SignatureStore(folder, true, Clock.systemUTC());
        assertEquals(1, store.current().signatureCount());
        Path incoming = Files.writeString(dir.resolve("new.ndb"), sig("Test.New", "brand new"));
        SignatureDatabase db = store.install(incoming);
        assertEquals(2, db.signatureCount());
        assertTrue(Files.exists(folder.resolve("new.ndb")));
        byte[] d = "a brand new thing".getBytes();
        assertEquals("Test.New", store.current().match(d, d.length));
    }

    @Test
    void brokenUpdateChangesNothing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("antivirus"));
        Files.writeString(folder.resolve("a.ndb"), sig("Test.A", "alpha"));
        SignatureStore store = new SignatureStore(folder, false, Clock.systemUTC());
        SignatureDatabase before = store.current();
        Path broken = Files.writeString(dir.resolve("b.ndb"), "Test.B:0:*:abc\n");
        assertThrows(SignatureFormatException.class, () -> store.install(broken));
        assertEquals(before, store.current());
        assertFalse(Files.exists(folder.resolve("b.ndb")));
    }

    @Test
    void watchedFolderReloadsOnChange() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("antivirus"));
        SignatureStore store = new SignatureStore(folder, false, Clock.systemUTC());
        FolderWatch watch = new FolderWatch(store);
        Path file = Files.writeString(folder.resolve("w.ndb"), sig("Test.W", "watched"));
        watch.run();
        byte[] d = "watched".getBytes();
        assertEquals("Test.W", store.current().match(d, d.length));
        Files.writeString(file, "garbage line\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        watch.run();
        assertEquals("Test.W", store.current().match(d, d.length));
        assertFalse(store.lastError().isEmpty());
        Files.delete(file);
        watch.run();
        assertNull(store.current().match(d, d.length));
    }
}
