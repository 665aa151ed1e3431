package org.gatehouse.antispam.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What the statistical classifier knows: per token, in how many spam and ham messages it was
 * seen, the totals, and which messages it learned (by digest), so learning a message twice
 * counts once and a message reported as the other class moves over instead of counting twice;
 * beside the counts, the token weights of the logistic regression ({@link TokenWeights}), which
 * take one step per learned message. Many scans read it at once; learning takes the write lock.
 */
final class SpamModel {

    /** Outcome of learning one message. */
    enum Learned { LEARNED, ALREADY_KNOWN, RELEARNED }

    private static final long AS_SPAM = 1;
    private static final long AS_HAM = 2;

    /** Passes over a corpus when a model is built from one (cross-validated: more fit no better). */
    static final int PASSES = 10;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TokenCounts counts;
    private final TokenCounts learned;
    private final TokenWeights weights;
    private int spamMessages;
    private int hamMessages;

    SpamModel() {
        this(new TokenCounts(1 << 16), new TokenCounts(1 << 10), new TokenWeights(), 0, 0);
    }

    private SpamModel(TokenCounts counts, TokenCounts learned, TokenWeights weights, int spamMessages, int hamMessages) {
        this.counts = counts;
        this.learned = learned;
        this.weights = weights;
        this.spamMessages = spamMessages;
        this.hamMessages = hamMessages;
    }

    Learned learn(Collection<String> tokens, boolean spam) {
        return learn(hashes(tokens), spam);
    }

    /** Counts the message's tokens and takes one step of the token weights towards its class. */
    Learned learn(long[] hashes, boolean spam) {
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
            weights.step(hashes, spam);
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

    /** The logistic regression's log-odds of spam for these tokens. */
    double margin(long[] hashes) {
        lock.readLock().lock();
        try {
            return weights.margin(hashes);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * More passes of the token weights over messages already learned (their hashes, in learning
     * order): one online step per message fits a corpus less well than {@link #PASSES} in all.
     */
    void refine(List<long[]> messages, List<Boolean> spam) {
        lock.writeLock().lock();
        try {
            weights.passes(messages, spam, PASSES - 1);
        } finally {
            lock.writeLock().unlock();
        }
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
            rare.forEach((key, value) -> {
                counts.remove(key);
                weights.map().remove(key);
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    void write(OutputStream target) throws IOException {
        lock.readLock().lock();
        try {
            GZIPOutputStream zip = new GZIPOutputStream(target, 65536);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip, 65536));
            out.writeInt(ModelFile.MAGIC);
            out.writeInt(ModelFile.FORMAT);
            out.writeInt(spamMessages);
            out.writeInt(hamMessages);
            ModelFile.writeCounts(out, counts);
            ModelFile.writeCounts(out, learned);
            out.writeDouble(weights.bias());
            ModelFile.writeWeights(out, weights.map());
            out.flush();
            zip.finish();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Token weights for a model file from before they existed (format 1). */
    interface EarlierWeights {
        TokenWeights get() throws IOException;
    }

    /** Reads a model of the current format; any other is refused with an error that says what to do. */
    static SpamModel read(InputStream source) throws IOException {
        return read(source, null);
    }

    /**
     * Reads a model; a format-1 file (counts only) keeps its counts and journal and takes its token
     * weights from {@code earlier}, so a site's learning survives an upgrade.
     */
    static SpamModel read(InputStream source, EarlierWeights earlier) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 65536), 65536));
        int format = ModelFile.readHead(in, earlier != null);
        int spam = in.readInt();
        int ham = in.readInt();
        TokenCounts counts = ModelFile.readCounts(in);
        TokenCounts learned = ModelFile.readCounts(in);
        if (format == ModelFile.COUNTS_ONLY) {
            return new SpamModel(counts, learned, earlier.get(), spam, ham);
        }
        double bias = in.readDouble();
        TokenCounts weights = ModelFile.readWeights(in);
        return new SpamModel(counts, learned, new TokenWeights(weights, bias), spam, ham);
    }

    TokenWeights weights() {
        return weights;
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
}
