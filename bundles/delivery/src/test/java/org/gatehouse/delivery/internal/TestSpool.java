package org.gatehouse.delivery.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.Spool;

/** A spool in memory that keeps what was committed to it (the DSNs). */
final class TestSpool implements Spool {

    record Committed(long mid, Envelope envelope, Connection connection, String content) {
    }

    final List<Committed> committed = new CopyOnWriteArrayList<>();
    private final AtomicLong mids = new AtomicLong(1000);

    @Override
    public long allocateMid() {
        return mids.incrementAndGet();
    }

    @Override
    public IncomingMessage receive(long mid, Envelope envelope, Connection connection) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        return new IncomingMessage() {
            @Override
            public long mid() {
                return mid;
            }

            @Override
            public void write(ByteBuffer buffer) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                content.write(bytes, 0, bytes.length);
            }

            @Override
            public long size() {
                return content.size();
            }

            @Override
            public CompletionStage<Void> commit() {
                committed.add(new Committed(mid, envelope, connection, content.toString(StandardCharsets.UTF_8)));
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void abort() {
                content.reset();
            }
        };
    }
}
