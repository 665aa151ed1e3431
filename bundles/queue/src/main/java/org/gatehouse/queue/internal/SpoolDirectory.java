package org.gatehouse.queue.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.gatehouse.api.ContentWriter;

/**
 * The spool's layout on disk and the few file operations that make it crash-safe.
 *
 * <ul>
 * <li>{@code incoming/<mid>.msg}: being received; whatever is here after a restart is garbage.</li>
 * <li>{@code active/<mid>.msg}: committed (fsync'ed before the rename); {@code active/<mid>.state}
 *     its delivery progress once it has any.</li>
 * <li>{@code hold/}: held messages (quarantine verdicts, stage errors set to quarantine).</li>
 * <li>{@code corrupt/}: files recovery could not read, kept for the admin rather than deleted.</li>
 * <li>{@code spare/}: emptied message files for reuse ({@link SpareFiles}); emptied at start.</li>
 * <li>{@code mid.reserved}: the top of the reserved block of MIDs.</li>
 * </ul>
 */
final class SpoolDirectory {

    static final String MESSAGE = ".msg";
    static final String STATE = ".state";
    static final String TMP = ".tmp";

    private final Path root;
    private final Path incoming;
    private final Path active;
    private final Path hold;
    private final Path corrupt;
    private final boolean fsync;
    private final SpareFiles spares;

    SpoolDirectory(Path root, boolean fsync) throws IOException {
        this.root = root;
        this.incoming = root.resolve("incoming");
        this.active = root.resolve("active");
        this.hold = root.resolve("hold");
        this.corrupt = root.resolve("corrupt");
        this.fsync = fsync;
        for (Path dir : new Path[] {incoming, active, hold, corrupt}) {
            Files.createDirectories(dir);
        }
        this.spares = new SpareFiles(root.resolve("spare"));
    }

    Path root() {
        return root;
    }

    Path incoming() {
        return incoming;
    }

    Path active() {
        return active;
    }

    Path hold() {
        return hold;
    }

    boolean fsync() {
        return fsync;
    }

    Path incomingFile(long mid) {
        return incoming.resolve(mid + MESSAGE);
    }

    Path messageFile(Path dir, long mid) {
        return dir.resolve(mid + MESSAGE);
    }

    Path stateFile(Path dir, long mid) {
        return dir.resolve(mid + STATE);
    }

    /**
     * Opens a new, empty file to receive a message into: a spare one when there is one (no
     * inode to allocate), else a newly created one. Fails if the file exists.
     */
    FileChannel openNewMessageFile(Path file) throws IOException {
        if (!Files.exists(file) && spares.takeAs(file)) {
            return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Removes a message file that is done with: it becomes a spare, or is deleted. */
    void discardMessageFile(Path file) throws IOException {
        spares.discard(file);
    }

    SpareFiles spares() {
        return spares;
    }

    /** The MID a spool file name stands for, or -1 for a name that is not ours. */
    static long midOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        if (dot <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Makes renames and creations in {@code dir} durable (Linux: fsync on the directory). */
    void syncDirectory(Path dir) throws IOException {
        if (fsync) {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    }

    /**
     * Replaces {@code target} with {@code data} atomically: write a temporary file, force it,
     * rename it over the target. With {@code durable}, the directory is forced too, so the new
     * content survives a crash; without, a crash leaves either the old or the new file whole.
     */
    void writeAtomically(Path target, byte[] data, boolean durable) throws IOException {
        writeAtomically(target, out -> out.write(data), durable);
    }

    /** As {@link #writeAtomically(Path, byte[], boolean)}, for content that is streamed rather than held. */
    void writeAtomically(Path target, ContentWriter data, boolean durable) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + TMP);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 16384);
            data.writeTo(out);
            out.flush();
            if (fsync && durable) {
                ch.force(false);
            }
        }
        move(tmp, target);
        if (durable) {
            syncDirectory(target.getParent());
        }
    }

    /**
     * Writes a new message file (the same envelope lines, then the new content) beside the old
     * one and renames it over it, durably. A crash before the rename leaves the old content and
     * a temporary file recovery deletes; readers that opened the old file go on reading it.
     */
    void replaceContent(Path messageFile, long contentOffset, ContentWriter content) throws IOException {
        byte[] envelopeLines = new byte[(int) contentOffset];
        try (java.io.InputStream in = Files.newInputStream(messageFile)) {
            if (in.readNBytes(envelopeLines, 0, envelopeLines.length) != envelopeLines.length) {
                throw new IOException(messageFile + " is shorter than its envelope");
            }
        }
        writeAtomically(messageFile, out -> {
            out.write(envelopeLines);
            content.writeTo(out);
        }, true);
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the spool needs a file system with atomic rename: " + to.getParent(), e);
        }
    }

    /** Puts a file recovery cannot read aside for the admin. */
    Path setAside(Path file) throws IOException {
        Path target = corrupt.resolve(file.getFileName() + "." + System.currentTimeMillis());
        move(file, target);
        return target;
    }
}
