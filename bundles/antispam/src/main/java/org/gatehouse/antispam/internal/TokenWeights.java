package org.gatehouse.antispam.internal;

import java.util.List;
import java.util.Random;

/**
 * The discriminative half of the statistics: a logistic regression over the same token hashes
 * the chi-square classifier counts, one weight per token, learned online (one gradient step per
 * learned message, as the TREC spam-track filters do) and, when a model is built from a corpus,
 * a few more passes over it. Naive Bayes counts every token on its own; the weights learn what a
 * token says beyond the tokens it comes with (a mailing-list footer in spam and ham alike weighs
 * nothing), which separates the hard cases better. Weights live as float bits in a
 * {@link TokenCounts}; not thread-safe, {@link SpamModel} guards it.
 */
final class TokenWeights {

    /** Step size on features scaled to unit length (each token 1/sqrt(tokens)): cross-validated on the corpus. */
    static final double RATE = 5.0;
    /** The bias learns slower than the tokens: it only corrects the balance of the classes. */
    private static final double BIAS_RATE = 0.1 * RATE;
    /** A margin beyond this is certain enough; caps the sigmoid and the learned weights' growth. */
    private static final double MAX_MARGIN = 30;

    private final TokenCounts weights;
    private double bias;

    TokenWeights() {
        this(new TokenCounts(1 << 16), 0);
    }

    TokenWeights(TokenCounts weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** The log-odds of spam; positive says spam. 0 for a model that learned nothing. */
    double margin(long[] hashes) {
        if (hashes.length == 0) {
            return bias;
        }
        double sum = 0;
        for (long hash : hashes) {
            sum += weight(hash);
        }
        return Math.max(-MAX_MARGIN, Math.min(MAX_MARGIN, bias + sum / Math.sqrt(hashes.length)));
    }

    /** One step of stochastic gradient ascent on the log-likelihood of this message's class. */
    void step(long[] hashes, boolean spam) {
        double p = 1.0 / (1.0 + Math.exp(-margin(hashes)));
        double error = (spam ? 1.0 : 0.0) - p;
        if (hashes.length > 0) {
            double delta = RATE * error / Math.sqrt(hashes.length);
            for (long hash : hashes) {
                put(hash, weight(hash) + delta);
            }
        }
        bias += BIAS_RATE * error;
    }

    /** More passes over learned messages in a fixed shuffled order (same corpus, same model). */
    void passes(List<long[]> messages, List<Boolean> spam, int passes) {
        Random order = new Random(42);
        int[] index = new int[messages.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int i = index.length - 1; i > 0; i--) {
                int j = order.nextInt(i + 1);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int i : index) {
                step(messages.get(i), spam.get(i));
            }
        }
    }

    double bias() {
        return bias;
    }

    TokenCounts map() {
        return weights;
    }

    double weight(long hash) {
        return Float.intBitsToFloat((int) weights.get(hash));
    }

    private void put(long hash, double weight) {
        // A weight of exactly 0 is stored as "absent" (0 bits), which reads back as 0 again.
        weights.put(hash, Float.floatToIntBits((float) weight) & 0xffffffffL);
    }
}
