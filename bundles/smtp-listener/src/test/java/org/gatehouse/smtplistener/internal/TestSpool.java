package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.Spool;

/** A spool for tests: content goes to a temporary file, commit completes on another thread. */
final class TestSpool implements Spool {

    record Stored(Envelope envelope, Connection connection, byte[] content) {
        String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Path directory;
    private final AtomicLong mids = new AtomicLong(100);
    final Map<Long, Stored> committed = new ConcurrentHashMap<>();
    final Set<Long> aborted = ConcurrentHashMap.newKeySet();
    volatile boolean failCommits;

    TestSpool(Path directory) {
        this.directory = directory;
    }

    @Override
    public long allocateMid() {
        return mids.incrementAndGet();
    }

    @Override
    public IncomingMessage receive(long mid, Envelope envelope, Connection connection) throws IOException {
        Path file = directory.resolve(mid + ".eml");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new IncomingMessage() {
            private long size;
            private boolean done;

            @Override
            public long mid() {
                return mid;
            }

            @Override
            public void write(ByteBuffer content) throws IOException {
                while (content.hasRemaining()) {
                    size += channel.write(content);
                }
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public CompletionStage<Void> commit() {
                return CompletableFuture.runAsync(() -> {
                    try {
                        channel.force(true);
                        channel.close();
                        if (failCommits) {
                            throw new IOException("disk full");
                        }
                        done = true;
                        committed.put(mid, new Stored(envelope, connection, Files.readAllBytes(file)));
                    } catch (IOException e) {
                        abort();
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }

            @Override
            public void abort() {
                if (!done) {
                    aborted.add(mid);
                    try {
                        channel.close();
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
    }
}
