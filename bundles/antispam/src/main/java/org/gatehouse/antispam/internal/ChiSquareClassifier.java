package org.gatehouse.antispam.internal;

import java.util.Arrays;
import java.util.Collection;

/**
 * Naive-Bayes token classifier with Gary Robinson's per-token estimate and Fisher's
 * chi-square combining (as in SpamBayes): each token's spam probability is shrunk towards
 * 0.5 when it was seen rarely, the most telling tokens are combined into two chi-square
 * tests (how spammy, how hammy), and their difference is the message's spam probability.
 * It says "unsure" (near 0.5) rather than guess when the evidence is mixed.
 */
final class ChiSquareClassifier {

    /** How many messages of each class the model needs before its opinion counts. */
    static final int MIN_MESSAGES = 5;

    /** Weight of the 0.5 prior in Robinson's estimate (SpamBayes' unknown_word_strength). */
    private static final double UNKNOWN_STRENGTH = 0.45;
    /** Tokens closer to 0.5 than this say nothing and are left out. */
    private static final double MIN_STRENGTH = 0.1;
    /** At most this many of the most telling tokens are combined. */
    private static final int MAX_CLUES = 150;

    /** The spam probability 0..1, or NaN when the model has not learned enough of both classes. */
    double spamProbability(SpamModel model, Collection<String> tokens) {
        return spamProbability(model, SpamModel.hashes(tokens));
    }

    /** The same for tokens already hashed (the scan hashes once for both classifiers). */
    double spamProbability(SpamModel model, long[] hashes) {
        int nspam = model.spamMessages();
        int nham = model.hamMessages();
        if (nspam < MIN_MESSAGES || nham < MIN_MESSAGES) {
            return Double.NaN;
        }
        long[] counts = model.lookup(hashes);
        double[] clues = new double[counts.length];
        int n = 0;
        for (long packed : counts) {
            double p = tokenProbability(TokenCounts.spam(packed), TokenCounts.ham(packed), nspam, nham);
            if (Math.abs(p - 0.5) >= MIN_STRENGTH) {
                clues[n++] = p;
            }
        }
        clues = strongest(clues, n);
        return combine(clues);
    }

    double tokenProbability(int spam, int ham, int nspam, int nham) {
        if (spam + ham == 0) {
            return 0.5;
        }
        double spamRatio = Math.min(1.0, (double) spam / nspam);
        double hamRatio = Math.min(1.0, (double) ham / nham);
        double p = spamRatio / (spamRatio + hamRatio);
        int seen = spam + ham;
        return (UNKNOWN_STRENGTH * 0.5 + seen * p) / (UNKNOWN_STRENGTH + seen);
    }

    private double[] strongest(double[] clues, int n) {
        double[] used = Arrays.copyOf(clues, n);
        if (n <= MAX_CLUES) {
            return used;
        }
        // Sort by distance from 0.5, most telling first.
        Double[] boxed = Arrays.stream(used).boxed().toArray(Double[]::new);
        Arrays.sort(boxed, (a, b) -> Double.compare(Math.abs(b - 0.5), Math.abs(a - 0.5)));
        double[] top = new double[MAX_CLUES];
        for (int i = 0; i < MAX_CLUES; i++) {
            top[i] = boxed[i];
        }
        return top;
    }

    static double combine(double[] clues) {
        if (clues.length == 0) {
            return 0.5;
        }
        double lnHam = 0;
        double lnSpam = 0;
        for (double p : clues) {
            lnHam += Math.log(p);
            lnSpam += Math.log1p(-p);
        }
        double h = 1.0 - chi2Q(-2.0 * lnHam, 2 * clues.length);
        double s = 1.0 - chi2Q(-2.0 * lnSpam, 2 * clues.length);
        return (s - h + 1.0) / 2.0;
    }

    /** Survival function of chi-square with an even number of degrees of freedom. */
    static double chi2Q(double x2, int degrees) {
        double m = x2 / 2.0;
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i < degrees / 2; i++) {
            term *= m / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
    }
}
