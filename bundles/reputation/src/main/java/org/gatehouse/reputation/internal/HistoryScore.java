package org.gatehouse.reputation.internal;

/**
 * How history moves a score. With n = clean + spam + virus (decayed):
 * <pre>
 *   balance    = (clean - spam - virus) / n          -1 (all bad) .. +1 (all clean)
 *   confidence = n / (n + minMessages)              0.5 at minMessages, towards 1 with more mail
 *   points     = maxPoints * balance * confidence
 * </pre>
 * and no points at all below {@code minMessages}: a handful of messages is anecdote.
 *
 * @param minMessages messages a host needs before its history counts
 * @param maxPoints   the most history can add or take away
 */
public record HistoryScore(int minMessages, double maxPoints) {

    /** The points the history is worth, or null when there is too little of it. */
    public Double points(HostHistory history) {
        double n = history.total();
        if (maxPoints <= 0 || n <= 0 || n < minMessages) {
            return null;
        }
        double balance = (history.clean() - history.spam() - history.virus()) / n;
        double confidence = n / (n + Math.max(0, minMessages));
        return maxPoints * balance * confidence;
    }

    /**
     * The SBRS: the DNS score moved by history, clamped to -10..+10; either alone when the other
     * is missing; null (none) when both are.
     */
    public static Double combine(Double dns, Double history) {
        if (dns == null && history == null) {
            return null;
        }
        return Scores.clamp((dns == null ? 0 : dns) + (history == null ? 0 : history));
    }
}
