package org.gatehouse.queue.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message being received into {@code incoming/}: the envelope header first, then the content
 * in buffered writes (page cache only, no fsync on the caller's thread). Commit hands the file
 * to the {@link GroupCommitter}. One writer, as the api says.
 */
final class IncomingSpoolFile implements IncomingMessage {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingSpoolFile.class);

    /** Most mail fits; larger content goes out in buffer-sized writes. */
    private static final int BUFFER = 16 * 1024;

    /** Commits a written file; implemented by the queue. */
    interface Committer {
        CompletableFuture<Void> commit(IncomingSpoolFile file);

        void aborted(long mid);
    }

    private enum State { OPEN, COMMITTING, ABORTED }

    private final MessageHeader header;
    private final Path file;
    private final FileChannel channel;
    private final Committer committer;
    private final ByteBuffer buffer;
    private long size;
    private State state = State.OPEN;

    /** With {@code channel} already open on the new, empty {@code file}. */
    IncomingSpoolFile(long mid, Envelope envelope, Connection connection, Instant received, Path file,
                      FileChannel channel, Committer committer) throws IOException {
        byte[] top = EnvelopeFormat.encode(mid, envelope, connection, received);
        this.header = new MessageHeader(mid, envelope, connection, received, top.length);
        this.file = file;
        this.committer = committer;
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(Math.max(BUFFER, top.length));
        buffer.put(top);
    }

    @Override
    public long mid() {
        return header.mid();
    }

    @Override
    public void write(ByteBuffer content) throws IOException {
        if (state != State.OPEN) {
            throw new IOException("MID " + mid() + " is no longer open for writing");
        }
        size += content.remaining();
        try {
            while (content.hasRemaining()) {
                if (!buffer.hasRemaining()) {
                    flush();
                }
                if (buffer.position() == 0 && content.remaining() >= buffer.capacity()) {
                    channel.write(content);
                    continue;
                }
                int n = Math.min(buffer.remaining(), content.remaining());
                ByteBuffer slice = content.slice();
                slice.limit(n);
                buffer.put(slice);
                content.position(content.position() + n);
            }
        } catch (IOException e) {
            abort();
            throw e;
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public CompletionStage<Void> commit() {
        if (state != State.OPEN) {
            return CompletableFuture.failedFuture(new IOException("MID " + mid() + " was already committed or aborted"));
        }
        try {
            flush();
        } catch (IOException e) {
            abort();
            return CompletableFuture.failedFuture(e);
        }
        state = State.COMMITTING;
        return committer.commit(this).copy();
    }

    @Override
    public void abort() {
        if (state != State.OPEN) {
            return; // a commit in flight finishes or fails on its own
        }
        state = State.ABORTED;
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The file is garbage in incoming/; recovery deletes it at the next start.
            LOG.warn("Could not remove aborted MID {} from incoming/", mid(), e);
        }
        committer.aborted(mid());
    }

    MessageHeader header() {
        return header;
    }

    Path file() {
        return file;
    }

    FileChannel channel() {
        return channel;
    }

    /** The file's length once committed: envelope header plus content. */
    long fileSize() {
        return header.contentOffset() + size;
    }
}
