package org.gatehouse.reputation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notices zones that keep failing (timeouts, SERVFAIL) and says so at most once per quiet
 * period per zone: a dead zone is worth one warning, not one line per connection.
 */
final class ZoneHealth {

    /** Failures in a row before a zone is reported. */
    static final int FAILURES_BEFORE_WARNING = 3;

    private final Clock clock;
    private final Duration quietPeriod;
    private final Map<String, State> zones = new HashMap<>();

    private static final class State {
        int failuresInRow;
        long failuresTotal;
        String lastError = "";
        Instant lastWarning;
    }

    /** A zone's failures for the console. */
    record Failures(int inRow, long total, String lastError) {
    }

    ZoneHealth(Clock clock, Duration quietPeriod) {
        this.clock = clock;
        this.quietPeriod = quietPeriod;
    }

    /**
     * Takes in one lookup's answers and returns the warning text for a zone that has just become
     * worth reporting, if any.
     */
    synchronized Optional<String> observe(List<ZoneAnswer> answers) {
        String warning = null;
        Instant now = clock.instant();
        for (ZoneAnswer answer : answers) {
            State s = zones.computeIfAbsent(answer.zone(), z -> new State());
            if (answer.status() != ZoneAnswer.Status.FAILED) {
                s.failuresInRow = 0;
                continue;
            }
            s.failuresInRow++;
            s.failuresTotal++;
            s.lastError = answer.detail();
            boolean quiet = s.lastWarning == null || !now.isBefore(s.lastWarning.plus(quietPeriod));
            if (s.failuresInRow >= FAILURES_BEFORE_WARNING && quiet && warning == null) {
                s.lastWarning = now;
                warning = "reputation zone " + answer.zone() + " not answering: " + s.failuresInRow
                        + " failed lookups in a row (" + answer.detail() + "); affected hosts score without it";
            }
        }
        return Optional.ofNullable(warning);
    }

    synchronized Failures of(String zone) {
        State s = zones.get(zone);
        return s == null ? new Failures(0, 0, "") : new Failures(s.failuresInRow, s.failuresTotal, s.lastError);
    }
}
