package org.gatehouse.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bounce profile's retry rules: the first retry after {@code initial}, each later one after
 * twice the previous wait, never more than {@code maxInterval}; a recipient that has been tried
 * {@code maxRetries} times or waited {@code maxQueueTime} since the message arrived bounces.
 */
record RetrySchedule(Duration initial, Duration maxInterval, int maxRetries, Duration maxQueueTime) {

    static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(60),
            Duration.ofSeconds(3600), 100, Duration.ofHours(72));

    /** The wait after the given number of failed attempts (1 = the first attempt failed). */
    Duration delayAfter(int failedAttempts) {
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxInterval) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxInterval) > 0 ? maxInterval : delay;
    }

    /**
     * When to try again after a temporary failure, or empty when the recipient has to bounce.
     *
     * @param failedAttempts attempts made so far, the one that just failed included
     * @param arrived        when the message was received
     * @param now            the time of the failure
     */
    Optional<Instant> nextAttempt(int failedAttempts, Instant arrived, Instant now) {
        if (failedAttempts >= maxRetries) {
            return Optional.empty();
        }
        if (!now.isBefore(arrived.plus(maxQueueTime))) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delayAfter(failedAttempts)));
    }
}
