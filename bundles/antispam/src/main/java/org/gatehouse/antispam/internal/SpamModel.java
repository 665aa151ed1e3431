package org.gatehouse.antispam.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What the statistical classifier knows: per token, in how many spam and ham messages it was
 * seen, the totals, and which messages it learned (by digest), so learning a message twice
 * counts once and a message reported as the other class moves over instead of counting twice.
 * Many scans read it at once; learning takes the write lock.
 */
final class SpamModel {

    /** Outcome of learning one message. */
    enum Learned { LEARNED, ALREADY_KNOWN, RELEARNED }

    private static final int MAGIC = 0x47485350; // "GHSP"
    private static final int FORMAT = 1;
    private static final long AS_SPAM = 1;
    private static final long AS_HAM = 2;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TokenCounts counts;
    private final TokenCounts learned;
    private int spamMessages;
    private int hamMessages;

    SpamModel() {
        this(new TokenCounts(1 << 16), new TokenCounts(1 << 10), 0, 0);
    }

    private SpamModel(TokenCounts counts, TokenCounts learned, int spamMessages, int hamMessages) {
        this.counts = counts;
        this.learned = learned;
        this.spamMessages = spamMessages;
        this.hamMessages = hamMessages;
    }

    Learned learn(Collection<String> tokens, boolean spam) {
        long[] hashes = hashes(tokens);
        long digest = digest(hashes);
        lock.writeLock().lock();
        try {
            long before = learned.get(digest);
            long as = spam ? AS_SPAM : AS_HAM;
            if (before == as) {
                return Learned.ALREADY_KNOWN;
            }
            if (before != 0) {
                count(hashes, !spam, -1);
            }
            count(hashes, spam, 1);
            learned.put(digest, as);
            return before == 0 ? Learned.LEARNED : Learned.RELEARNED;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads the counts of many tokens under one read lock: spam count, ham count per token. */
    long[] lookup(long[] hashes) {
        long[] packed = new long[hashes.length];
        lock.readLock().lock();
        try {
            for (int i = 0; i < hashes.length; i++) {
                packed[i] = counts.get(hashes[i]);
            }
        } finally {
            lock.readLock().unlock();
        }
        return packed;
    }

    int spamMessages() {
        return spamMessages;
    }

    int hamMessages() {
        return hamMessages;
    }

    int tokenCount() {
        return counts.size();
    }

    static long[] hashes(Collection<String> tokens) {
        long[] hashes = new long[tokens.size()];
        int i = 0;
        for (String token : tokens) {
            hashes[i++] = TokenHash.of(token);
        }
        return hashes;
    }

    /** Forgets tokens seen in fewer than {@code minMessages} messages: most are one-offs (a smaller shipped model). */
    void prune(int minMessages) {
        lock.writeLock().lock();
        try {
            TokenCounts rare = new TokenCounts(1024);
            counts.forEach((key, value) -> {
                if (TokenCounts.spam(value) + TokenCounts.ham(value) < minMessages) {
                    rare.put(key, value);
                }
            });
            rare.forEach((key, value) -> counts.remove(key));
        } finally {
            lock.writeLock().unlock();
        }
    }

    void write(OutputStream target) throws IOException {
        lock.readLock().lock();
        try {
            GZIPOutputStream zip = new GZIPOutputStream(target, 65536);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip, 65536));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(spamMessages);
            out.writeInt(hamMessages);
            writeMap(out, counts);
            writeMap(out, learned);
            out.flush();
            zip.finish();
        } finally {
            lock.readLock().unlock();
        }
    }

    static SpamModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 65536), 65536));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a Gatehouse anti-spam model (or a newer format)");
        }
        int spam = in.readInt();
        int ham = in.readInt();
        TokenCounts counts = readMap(in);
        TokenCounts learned = readMap(in);
        return new SpamModel(counts, learned, spam, ham);
    }

    private void count(long[] hashes, boolean spam, int delta) {
        for (long hash : hashes) {
            long value = counts.get(hash);
            int s = TokenCounts.spam(value) + (spam ? delta : 0);
            int h = TokenCounts.ham(value) + (spam ? 0 : delta);
            counts.put(hash, TokenCounts.pack(Math.max(0, s), Math.max(0, h)));
        }
        if (spam) {
            spamMessages = Math.max(0, spamMessages + delta);
        } else {
            hamMessages = Math.max(0, hamMessages + delta);
        }
    }

    private static long digest(long[] hashes) {
        long sum = hashes.length;
        for (long h : hashes) {
            long x = h * 0x9E3779B97F4A7C15L;
            sum += x ^ (x >>> 29);
        }
        return sum == 0 ? 1 : sum;
    }

    private static void writeMap(DataOutputStream out, TokenCounts map) throws IOException {
        out.writeInt(map.size());
        IOException[] failure = new IOException[1];
        map.forEach((key, value) -> {
            if (failure[0] == null) {
                try {
                    out.writeLong(key);
                    writeVarint(out, TokenCounts.spam(value));
                    writeVarint(out, TokenCounts.ham(value));
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static TokenCounts readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > 50_000_000) {
            throw new IOException("corrupt anti-spam model: " + size + " entries");
        }
        TokenCounts map = new TokenCounts(size);
        for (int i = 0; i < size; i++) {
            long key = in.readLong();
            int spam = readVarint(in);
            int ham = readVarint(in);
            map.put(key, TokenCounts.pack(spam, ham));
        }
        return map;
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("corrupt anti-spam model: bad count");
    }
}
