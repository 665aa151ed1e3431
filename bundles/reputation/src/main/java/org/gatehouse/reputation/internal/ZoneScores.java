package org.gatehouse.reputation.internal;

import java.util.List;

/**
 * Turns several zones' answers into one DNS score.
 *
 * <p>Any negative listing wins, and the worst one: a block list lists a host for abuse it has
 * seen, while an allow list vouches for the owner of an address, not for what the host sends
 * today (a compromised machine on a good network stays on allow lists). Averaging would let one
 * friendly list hide a spam source. With no negative listing the best positive one counts: the
 * allow lists the admin configured agree or say nothing.
 */
final class ZoneScores {

    private ZoneScores() {
    }

    /** The DNS score, or null when no zone listed the host with a mapped answer. */
    static Double combine(List<ZoneAnswer> answers) {
        Double worstNegative = null;
        Double bestOther = null;
        for (ZoneAnswer answer : answers) {
            Double s = answer.score();
            if (s == null) {
                continue;
            }
            if (s < 0) {
                worstNegative = worstNegative == null ? s : Math.min(worstNegative, s);
            } else {
                bestOther = bestOther == null ? s : Math.max(bestOther, s);
            }
        }
        return worstNegative != null ? worstNegative : bestOther;
    }
}
