package org.gatehouse.antispam.internal;

/**
 * What the two statistical classifiers say together, and the points that puts on the score.
 * The chi-square probability (counts, tokens taken one by one) and the logistic regression's
 * margin (learned token weights) are added as log-odds; the sum enters the score as
 * {@code 3 x log-odds + 26}, capped both ways so that neither an unknown language nor a
 * forged reply makes the rules irrelevant, and named in SpamAssassin's {@code BAYES_xx} bands
 * of the combined probability so admins can read it. Weights cross-validated on the training
 * half of bench/antispam's split (see the bundle README).
 *
 * @param chiSquare the chi-square spam probability, NaN when the model has too few messages
 * @param margin    the logistic regression's log-odds of spam
 */
record Statistics(double chiSquare, double margin) {

    /** The chi-square probability is kept off 0 and 1 (its log-odds would be infinite). */
    private static final double CLIP = 1e-6;
    /** Weight of the margin beside the chi-square log-odds. */
    static final double MARGIN_WEIGHT = 1.5;
    /** Score points per unit of combined log-odds. */
    static final double POINTS_PER_LOG_ODDS = 3.0;
    static final double OFFSET = 26;
    static final int MIN_POINTS = -30;
    static final int MAX_POINTS = 95;
    /** Lower bound of each band's combined probability; names as SpamAssassin's. */
    private static final double[] FROM = {0.0, 0.01, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99, 0.999};
    private static final String[] NAME = {"BAYES_00", "BAYES_05", "BAYES_20", "BAYES_40", "BAYES_50",
        "BAYES_60", "BAYES_80", "BAYES_95", "BAYES_99", "BAYES_999"};

    /** False while the model has learned too few messages of either class to have an opinion. */
    boolean known() {
        return !Double.isNaN(chiSquare);
    }

    /** Combined log-odds of spam. */
    double logOdds() {
        double p = Math.max(CLIP, Math.min(1 - CLIP, chiSquare));
        return Math.log(p / (1 - p)) + MARGIN_WEIGHT * margin;
    }

    int points() {
        return points(logOdds());
    }

    static int points(double logOdds) {
        long points = Math.round(POINTS_PER_LOG_ODDS * logOdds + OFFSET);
        return (int) Math.max(MIN_POINTS, Math.min(MAX_POINTS, points));
    }

    /** The band of the combined probability, for the rules list. */
    String band() {
        double probability = 1 / (1 + Math.exp(-logOdds()));
        int band = 0;
        while (band + 1 < FROM.length && probability >= FROM[band + 1]) {
            band++;
        }
        return NAME[band];
    }
}
