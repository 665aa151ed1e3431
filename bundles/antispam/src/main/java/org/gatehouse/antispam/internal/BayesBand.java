package org.gatehouse.antispam.internal;

/**
 * How the classifier's spam probability enters the score, and the pseudo-rule name that shows
 * it ({@code BAYES_99}: at least 0.99). The classifier's "unsure" middle maps below the
 * suspected threshold on its own, so rules decide unsure messages.
 */
final class BayesBand {

    private static final double[] FROM = {0.0, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99, 0.999};
    private static final String[] NAME = {"BAYES_00", "BAYES_05", "BAYES_20", "BAYES_40", "BAYES_60",
        "BAYES_80", "BAYES_95", "BAYES_99", "BAYES_999"};

    private BayesBand() {
    }

    static int points(double probability) {
        return (int) Math.round(100 * probability);
    }

    static String name(double probability) {
        int band = 0;
        while (band + 1 < FROM.length && probability >= FROM[band + 1]) {
            band++;
        }
        return NAME[band];
    }
}
