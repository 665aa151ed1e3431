package org.gatehouse.antispam.internal;

/**
 * Maps an external engine's points (SpamAssassin, Rspamd) onto the 0-100 scale, piecewise
 * linear, so its own "spam" score lands on the suspected threshold and its "surely spam"
 * score on the positive threshold: the admin's thresholds mean the same for every engine.
 */
record ScoreScale(double suspectedPoints, double positivePoints, Thresholds thresholds) {

    ScoreScale {
        if (suspectedPoints <= 0 || positivePoints <= suspectedPoints) {
            throw new IllegalArgumentException("engine points must satisfy 0 < suspected < positive");
        }
    }

    int toScore(double points) {
        double s = thresholds.suspected();
        double p = thresholds.positive();
        double score;
        if (points <= 0) {
            score = 0;
        } else if (points <= suspectedPoints) {
            score = s * points / suspectedPoints;
        } else if (points <= positivePoints) {
            score = s + (p - s) * (points - suspectedPoints) / (positivePoints - suspectedPoints);
        } else {
            score = p + (100 - p) * Math.min(1, (points - positivePoints) / positivePoints);
        }
        return (int) Math.floor(Math.min(100, score));
    }
}
