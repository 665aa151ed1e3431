package org.gatehouse.antispam.internal;

/**
 * How the classifier's spam probability enters the score, SpamAssassin's {@code BAYES_xx} way:
 * in bands, not linearly. Confident ham takes points away, the unsure middle adds little (so
 * plain business mail the model has not seen much of stays below the suspected threshold on its
 * own and the rules decide), and confident spam adds a lot: {@code BAYES_999} alone is
 * suspected, with a few rules it is positive. The points were weighed on the training half of
 * bench/antispam's split (cross-validated), see the bundle README.
 */
final class BayesBand {

    /** Lower bound of each band; the names follow SpamAssassin's ({@code BAYES_99}: 0.99 to 0.999). */
    private static final double[] FROM = {0.0, 0.01, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99, 0.999};
    private static final String[] NAME = {"BAYES_00", "BAYES_05", "BAYES_20", "BAYES_40", "BAYES_50",
        "BAYES_60", "BAYES_80", "BAYES_95", "BAYES_99", "BAYES_999"};
    private static final int[] POINTS = {-15, -5, 0, 10, 20, 32, 42, 47, 50, 75};

    private BayesBand() {
    }

    static int points(double probability) {
        return POINTS[band(probability)];
    }

    static String name(double probability) {
        return NAME[band(probability)];
    }

    private static int band(double probability) {
        int band = 0;
        while (band + 1 < FROM.length && probability >= FROM[band + 1]) {
            band++;
        }
        return band;
    }
}
