package org.gatehouse.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.DEFAULT;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void doublesFromTheInitialRetryUpToTheMaxInterval() {
        assertEquals(Duration.ofSeconds(60), schedule.delayAfter(1));
        assertEquals(Duration.ofSeconds(120), schedule.delayAfter(2));
        assertEquals(Duration.ofSeconds(240), schedule.delayAfter(3));
        assertEquals(Duration.ofSeconds(1920), schedule.delayAfter(6));
        assertEquals(Duration.ofSeconds(3600), schedule.delayAfter(7));
        assertEquals(Duration.ofSeconds(3600), schedule.delayAfter(99));
    }

    @Test
    void nextAttemptCountsFromNow() {
        Instant now = clock.instant();
        assertEquals(now.plusSeconds(60), schedule.nextAttempt(1, now.minusSeconds(5), now).orElseThrow());
        assertEquals(now.plusSeconds(480), schedule.nextAttempt(4, now.minusSeconds(900), now).orElseThrow());
    }

    @Test
    void givesUpAfterMaxRetries() {
        Instant now = clock.instant();
        assertTrue(schedule.nextAttempt(99, now, now).isPresent());
        assertTrue(schedule.nextAttempt(100, now, now).isEmpty());
    }

    @Test
    void givesUpAfterMaxTimeInQueue() {
        Instant now = clock.instant();
        assertTrue(schedule.nextAttempt(3, now.minus(Duration.ofHours(71)), now).isPresent());
        assertTrue(schedule.nextAttempt(3, now.minus(Duration.ofHours(72)), now).isEmpty());
    }

    @Test
    void honoursAConfiguredProfile() {
        RetrySchedule quick = new RetrySchedule(Duration.ofSeconds(10), Duration.ofSeconds(25), 3, Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(10), quick.delayAfter(1));
        assertEquals(Duration.ofSeconds(20), quick.delayAfter(2));
        assertEquals(Duration.ofSeconds(25), quick.delayAfter(3));
        assertTrue(quick.nextAttempt(3, clock.instant(), clock.instant()).isEmpty());
    }
}
