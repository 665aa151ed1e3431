package org.gatehouse.antispam.internal;

/**
 * Where a score becomes a verdict: at or above {@code positive} it is spam, at or above
 * {@code suspected} it is suspected spam. Ranges as admins know them: positive 50-99,
 * suspected 25 up to positive.
 */
record Thresholds(int positive, int suspected) {

    static final Thresholds DEFAULT = new Thresholds(90, 50);

    Thresholds {
        if (positive < 50 || positive > 99) {
            throw new IllegalArgumentException("positive threshold must be 50-99, not " + positive);
        }
        if (suspected < 25 || suspected > positive) {
            throw new IllegalArgumentException("suspected threshold must be 25-" + positive + ", not " + suspected);
        }
    }

    SpamVerdict verdict(int score) {
        if (score >= positive) {
            return SpamVerdict.POSITIVE;
        }
        return score >= suspected ? SpamVerdict.SUSPECTED : SpamVerdict.NEGATIVE;
    }
}
