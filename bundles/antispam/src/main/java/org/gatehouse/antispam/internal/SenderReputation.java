package org.gatehouse.antispam.internal;

/**
 * Hook for the sender's reputation (SBRS, -10 bad .. +10 good, from the connection facts):
 * a bad reputation adds points, a good one takes some away. Until the reputation feature
 * fills the score in, it is "none" and adds nothing.
 */
final class SenderReputation {

    private final double pointsPerStep;

    /** @param pointsPerStep score points per SBRS point (0 ignores reputation) */
    SenderReputation(double pointsPerStep) {
        this.pointsPerStep = pointsPerStep;
    }

    int points(Double sbrs) {
        if (sbrs == null || sbrs.isNaN()) {
            return 0;
        }
        double clamped = Math.max(-10, Math.min(10, sbrs));
        return (int) Math.round(-clamped * pointsPerStep);
    }
}
