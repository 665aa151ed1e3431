package org.gatehouse.queue.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Emptied message files kept in {@code spare/} for the next messages to be received into.
 * A file per message means an inode allocated and freed per message; ext4 (above all without
 * a journal) skips every inode freed in the last seconds when it allocates one, so at a few
 * hundred messages a second creating the spool file costs more CPU than anything else the
 * gateway does. A finished file is emptied and renamed here instead, and the next reception
 * renames it back: no inode is allocated or freed while the pool lasts.
 *
 * <p>Nothing here is durable or needed: what {@code spare/} holds after a restart is deleted,
 * and an empty pool simply means files are created and deleted as before. Thread-safe.
 */
final class SpareFiles {

    /** Enough for a burst of concurrent receptions; each spare is an empty inode. */
    static final int MAX_SPARES = 512;

    private final Path dir;
    private final Deque<Path> spares = new ArrayDeque<>();
    private long names;

    SpareFiles(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir)) {
            for (Path f : left) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Empties {@code file} and keeps it as a spare; when the pool is full, deletes it. Either
     * way the file is gone from where it was.
     */
    void discard(Path file) throws IOException {
        Path spare;
        synchronized (this) {
            spare = spares.size() < MAX_SPARES ? dir.resolve(Long.toString(names++)) : null;
        }
        if (spare == null || !Files.exists(file)) {
            Files.deleteIfExists(file);
            return;
        }
        // Emptied first: a spare never keeps a message's content around.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
            SpoolDirectory.move(file, spare);
        } catch (IOException e) {
            // Not kept, then: the file must still go, as it would without spares.
            Files.deleteIfExists(file);
            return;
        }
        synchronized (this) {
            spares.addLast(spare);
        }
    }

    /**
     * Renames a spare to {@code target} (which must not exist) and returns true, or returns
     * false when there is no spare; the caller then creates the file.
     */
    boolean takeAs(Path target) {
        while (true) {
            Path spare;
            synchronized (this) {
                spare = spares.pollLast();
            }
            if (spare == null) {
                return false;
            }
            try {
                SpoolDirectory.move(spare, target);
                return true;
            } catch (IOException e) {
                // A spare that cannot be moved is not worth keeping; the next one may do.
                try {
                    Files.deleteIfExists(spare);
                } catch (IOException gone) {
                    e.addSuppressed(gone);
                }
            }
        }
    }

    synchronized int size() {
        return spares.size();
    }
}
