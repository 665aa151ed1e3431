package org.gatehouse.reputation.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * What this gateway saw from one host, as decayed counts: each message counts 1 when it passes
 * and half as much after every half-life, so old behaviour fades instead of falling off a cliff.
 *
 * @param clean    clean messages (a suspected one counts half clean, half spam)
 * @param spam     spam messages
 * @param virus    messages with a virus
 * @param lastSeen when the counts were last brought up to date
 */
public record HostHistory(double clean, double spam, double virus, Instant lastSeen) {

    static final HostHistory NONE = new HostHistory(0, 0, 0, Instant.EPOCH);

    public double total() {
        return clean + spam + virus;
    }

    /** The counts as they stand at {@code now}. */
    HostHistory decayedTo(Instant now, Duration halfLife) {
        if (!now.isAfter(lastSeen)) {
            return this;
        }
        double halves = (double) Duration.between(lastSeen, now).toMillis() / Math.max(1, halfLife.toMillis());
        double factor = Math.pow(0.5, halves);
        return new HostHistory(clean * factor, spam * factor, virus * factor, now);
    }

    /** These counts, decayed to {@code now}, plus one message. */
    HostHistory plus(MessageOutcome outcome, Instant now, Duration halfLife) {
        HostHistory h = decayedTo(now, halfLife);
        return switch (outcome) {
            case CLEAN -> new HostHistory(h.clean + 1, h.spam, h.virus, now);
            case SUSPECTED_SPAM -> new HostHistory(h.clean + 0.5, h.spam + 0.5, h.virus, now);
            case SPAM -> new HostHistory(h.clean, h.spam + 1, h.virus, now);
            case VIRUS -> new HostHistory(h.clean, h.spam, h.virus + 1, now);
        };
    }
}
