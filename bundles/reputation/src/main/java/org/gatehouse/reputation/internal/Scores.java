package org.gatehouse.reputation.internal;

import java.util.Locale;

/** Score arithmetic shared by zones and history: the -10..+10 range and how a score is written. */
public final class Scores {

    static final double MIN = -10;
    static final double MAX = 10;

    private Scores() {
    }

    /** Clamps to -10..+10 and rounds to one decimal, the precision admins read and HAT ranges use. */
    static double clamp(double score) {
        double bounded = Math.max(MIN, Math.min(MAX, score));
        return Math.round(bounded * 10) / 10.0;
    }

    /** {@code -8.5}, {@code +3.0}, or {@code none}. */
    public static String format(Double score) {
        if (score == null) {
            return "none";
        }
        return String.format(Locale.ROOT, "%+.1f", score);
    }
}
