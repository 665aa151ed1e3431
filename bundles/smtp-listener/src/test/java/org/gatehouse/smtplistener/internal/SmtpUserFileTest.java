package org.gatehouse.smtplistener.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP AUTH users file: salted PBKDF2 hashes, edits, and rereading an edited file. */
class SmtpUserFileTest {

    @TempDir
    Path directory;

    @Test
    void keepsSaltedHashesOnlyAndVerifiesThem() throws Exception {
        Path file = directory.resolve("users");
        SmtpUserFile users = new SmtpUserFile(file, 1200);
        users.put("alice", "same password".toCharArray());
        users.put("bob", "same password".toCharArray());
        assertTrue(users.verify("alice", "same password".toCharArray()));
        assertFalse(users.verify("alice", "same passwore".toCharArray()));
        assertFalse(users.verify("carol", "same password".toCharArray()));
        assertFalse(users.verify("alice", new char[0]));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(text.contains("same password"), text);
        List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).matches("alice:pbkdf2-sha256:1200:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"), lines.get(0));
        // Same password, different salt: different hashes.
        assertNotEquals(lines.get(0).split(":")[4], lines.get(1).split(":")[4]);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(new SmtpUsers.Account("alice", "pbkdf2-sha256", 1200),
                new SmtpUsers.Account("bob", "pbkdf2-sha256", 1200)), users.list());
    }

    @Test
    void changesAndDeletesAccounts() throws Exception {
        SmtpUserFile users = new SmtpUserFile(directory.resolve("users"), 1000);
        users.put("alice", "old".toCharArray());
        users.put("alice", "new".toCharArray());
        assertFalse(users.verify("alice", "old".toCharArray()));
        assertTrue(users.verify("alice", "new".toCharArray()));
        assertTrue(users.delete("alice"));
        assertFalse(users.delete("alice"));
        assertFalse(users.verify("alice", "new".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> users.put("with space", "x".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> users.put("co:lon", "x".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> users.put("alice", new char[0]));
    }

    @Test
    void anEditedFileIsReadAgainAndBadLinesAreSkipped() throws Exception {
        Path file = directory.resolve("users");
        SmtpUserFile users = new SmtpUserFile(file, 1000);
        assertTrue(users.list().isEmpty(), "no file yet: no users");
        // Another gateway's file copied in place by the admin.
        SmtpUserFile other = new SmtpUserFile(directory.resolve("other"), 1000);
        other.put("carol", "pw".toCharArray());
        Files.writeString(file, Files.readString(directory.resolve("other")) + "broken line\nbob:pbkdf2-sha256:x:y:z\n");
        assertTrue(users.verify("carol", "pw".toCharArray()));
        assertEquals(1, users.list().size());
        Files.delete(file);
        assertFalse(users.verify("carol", "pw".toCharArray()));
    }

    @Test
    void iterationsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SmtpUserFile(directory.resolve("users"), 0));
    }
}
