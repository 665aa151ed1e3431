package org.gatehouse.licensing.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one feature stands: licensed by a key, in evaluation, or expired.
 *
 * @param feature the feature name ({@code antispam})
 * @param state   active (a key), evaluation, or expired
 * @param expires when it ends or ended
 * @param keyId   the key that gives the latest expiry; null for the evaluation
 */
public record FeatureStatus(String feature, State state, Instant expires, String keyId) {

    public enum State {
        ACTIVE("active"), EVALUATION("evaluation"), EXPIRED("expired");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean valid() {
        return state != State.EXPIRED;
    }

    /**
     * Days left at {@code now}, counting a started day as a day (so "1" on the last day, and a
     * warning due at exactly 15 days says 15 even when its timer fires a moment late); 0 once
     * expired.
     */
    public long daysLeft(Instant now) {
        if (!now.isBefore(expires)) {
            return 0;
        }
        Duration left = Duration.between(now, expires);
        long days = left.toDays();
        return left.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    /** How the mail log names what grants it: "Feature key for antispam" or "Evaluation of antispam". */
    String grant() {
        return keyId == null ? "Evaluation of " + feature : "Feature key for " + feature;
    }
}
