package org.gatehouse.delivery.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gatehouse.api.ContentWriter;
import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.RecipientStatus;

/** A queued message held in memory that records what delivery reported, as the spool would. */
final class TestMessage implements QueuedMessage {

    private final long mid;
    private final Envelope envelope;
    private byte[] content;
    private final Instant received;
    private final Map<Integer, RecipientStatus> pending = new ConcurrentHashMap<>();
    final Map<Integer, String> delivered = new ConcurrentHashMap<>();
    final Map<Integer, String> bounced = new ConcurrentHashMap<>();
    final Map<Integer, Instant> deferred = new ConcurrentHashMap<>();
    final Map<Integer, String> deferredReply = new ConcurrentHashMap<>();

    TestMessage(long mid, String from, List<String> to, String content, Instant received) {
        this(mid, new Envelope(from, recipients(to), false, "7BIT"), content, received);
    }

    TestMessage(long mid, Envelope envelope, String content, Instant received) {
        this.mid = mid;
        this.envelope = envelope;
        this.content = content.getBytes(StandardCharsets.UTF_8);
        this.received = received;
        for (Recipient r : envelope.recipients()) {
            pending.put(r.rid(), new RecipientStatus(r, 0, null, received));
        }
    }

    static List<Recipient> recipients(List<String> to) {
        List<Recipient> list = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            list.add(new Recipient(i, to.get(i)));
        }
        return list;
    }

    /** Sets a recipient's retry state, as if earlier attempts had failed. */
    TestMessage status(int rid, int attempts, Instant next) {
        RecipientStatus old = pending.get(rid);
        pending.put(rid, new RecipientStatus(old.recipient(), attempts, "451 earlier", next));
        return this;
    }

    boolean settled() {
        return pending.isEmpty();
    }

    @Override
    public List<RecipientStatus> pending() {
        return new ArrayList<>(new HashMap<>(pending).values());
    }

    @Override
    public void delivered(Collection<Integer> rids, String reply) {
        rids.forEach(rid -> {
            pending.remove(rid);
            delivered.put(rid, reply);
        });
    }

    @Override
    public void bounced(Collection<Integer> rids, String reply) {
        rids.forEach(rid -> {
            pending.remove(rid);
            bounced.put(rid, reply);
        });
    }

    @Override
    public void deferred(Collection<Integer> rids, String reply, Instant next) {
        rids.forEach(rid -> {
            RecipientStatus old = pending.get(rid);
            pending.put(rid, new RecipientStatus(old.recipient(), old.attempts() + 1, reply, next));
            deferred.put(rid, next);
            deferredReply.put(rid, reply);
        });
    }

    @Override
    public long mid() {
        return mid;
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public Connection connection() {
        return new Connection(1, "public", "127.0.0.1", null, false, "client.test", null, "ALL", "ACCEPTED", null);
    }

    @Override
    public Instant received() {
        return received;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public InputStream openContent() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public Map<String, String> annotations() {
        return Map.of();
    }

    @Override
    public void annotate(String key, String value) {
        throw new UnsupportedOperationException("Delivery does not annotate");
    }

    @Override
    public void addHeader(String name, String value) {
        throw new UnsupportedOperationException("Delivery does not add headers");
    }

    @Override
    public void setHeader(String name, String value) {
        throw new UnsupportedOperationException("Delivery does not change headers");
    }

    @Override
    public String header(String name) {
        throw new UnsupportedOperationException("Delivery does not read headers");
    }

    @Override
    public void replaceContent(ContentWriter writer) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        content = out.toByteArray();
    }
}
