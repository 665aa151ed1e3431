package org.gatehouse.queue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.Connection;
import org.gatehouse.api.DeliveryQueue;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.MessageStage;
import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Recipient;

/** Builds queues on a temporary spool and feeds them messages, as a listener would. */
final class QueueFixture {

    static final Connection CONNECTION = new Connection(5, "public", "10.1.1.209", "a.example", true,
            "a.example", "TLSv1.3", "UNKNOWNLIST", "ACCEPTED", null);

    static QueueSettings settings(Path dir) {
        return QueueSettings.defaults(dir).withStageGrace(0)
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    static MailQueue started(QueueSettings settings) throws IOException {
        MailQueue q = new MailQueue(settings, Clock.systemUTC());
        q.start();
        return q;
    }

    static Envelope envelope(String from, String... to) {
        List<Recipient> rcpts = new ArrayList<>();
        for (int i = 0; i < to.length; i++) {
            rcpts.add(new Recipient(i, to[i]));
        }
        return new Envelope(from, rcpts, false, "8BITMIME");
    }

    static long send(MailQueue q, Envelope env, String content) throws Exception {
        return send(q, env, CONNECTION, content);
    }

    static long send(MailQueue q, Envelope env, Connection connection, String content) throws Exception {
        long mid = q.allocateMid();
        IncomingMessage in = q.receive(mid, env, connection);
        in.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        in.commit().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return mid;
    }

    static long send(MailQueue q) throws Exception {
        return send(q, envelope("a@example.org", "b@example.com", "c@example.com"),
                "Received: from a.example\r\nSubject: hello\r\n\r\nbody\r\n");
    }

    static String read(QueuedMessage m) throws IOException {
        try (InputStream in = m.openContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Object> stageProps(String name, int order, String onError, long serviceId) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(MessageStage.NAME, name);
        p.put(MessageStage.ORDER, order);
        p.put("service.id", serviceId);
        // service.ranking deliberately the opposite of the order: the core must ignore it
        p.put("service.ranking", -order);
        if (onError != null) {
            p.put(MessageStage.ON_ERROR, onError);
        }
        return p;
    }

    /** A delivery queue that records what it is given. */
    static final class RecordingDelivery implements DeliveryQueue {
        final List<QueuedMessage> enqueued = new CopyOnWriteArrayList<>();
        final List<Long> deliverNow = new CopyOnWriteArrayList<>();
        final List<Long> removed = new CopyOnWriteArrayList<>();

        @Override
        public void enqueue(QueuedMessage message) {
            enqueued.add(message);
        }

        @Override
        public boolean deliverNow(long mid) {
            deliverNow.add(mid);
            return true;
        }

        @Override
        public void remove(long mid) {
            removed.add(mid);
        }

        QueuedMessage get(long mid) {
            return enqueued.stream().filter(m -> m.mid() == mid).findFirst().orElse(null);
        }

        long count(long mid) {
            return enqueued.stream().filter(m -> m.mid() == mid).count();
        }
    }

    /** A mail log that keeps the lines. */
    static final class RecordingLog implements MailLog {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(MailEvent event) {
            lines.add(event.text());
        }

        @Override
        public void warning(MailEvent event) {
            lines.add(event.text());
        }

        boolean has(String fragment) {
            return lines.stream().anyMatch(l -> l.contains(fragment));
        }

        @Override
        public String toString() {
            return Arrays.toString(lines.toArray());
        }
    }

    private QueueFixture() {
    }
}
