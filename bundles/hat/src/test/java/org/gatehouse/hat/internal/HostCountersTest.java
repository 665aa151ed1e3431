package org.gatehouse.hat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class HostCountersTest {

    private final TestClock clock = new TestClock();

    @Test
    void slidingHourForgetsOldMinutes() {
        SlidingHour hour = new SlidingHour();
        long t = clock.millis();
        assertEquals(1, hour.add(t));
        assertEquals(2, hour.add(t + Duration.ofMinutes(30).toMillis()));
        assertEquals(2, hour.count(t + Duration.ofMinutes(59).toMillis()));
        assertEquals(1, hour.count(t + Duration.ofMinutes(60).toMillis()), "the first minute has left the hour");
        assertEquals(0, hour.count(t + Duration.ofMinutes(90).toMillis()));
        assertEquals(1, hour.add(t + Duration.ofHours(5).toMillis()));
    }

    @Test
    void hourlyRecipientLimit() {
        HostRecord r = new HostRecord(clock.millis());
        for (int i = 0; i < 3; i++) {
            assertTrue(r.recipient(clock.millis(), 3));
        }
        assertFalse(r.recipient(clock.millis(), 3));
        assertTrue(r.shouldWarnLimit(clock.millis()));
        assertFalse(r.shouldWarnLimit(clock.millis()), "warned once per hour");
        clock.advance(Duration.ofMinutes(61));
        assertTrue(r.recipient(clock.millis(), 3));
        assertTrue(r.shouldWarnLimit(clock.millis()));
    }

    @Test
    void dhapCutOffLastsAnHourFromTheTrip() {
        HostRecord r = new HostRecord(clock.millis());
        assertFalse(r.invalidRecipient(clock.millis(), 3));
        clock.advance(Duration.ofMinutes(10));
        assertFalse(r.invalidRecipient(clock.millis(), 3));
        assertTrue(r.invalidRecipient(clock.millis(), 3));
        long tripped = clock.millis();
        assertTrue(r.cutOff(tripped));
        clock.advance(Duration.ofMinutes(59));
        assertTrue(r.cutOff(clock.millis()));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(r.cutOff(clock.millis()));
        assertEquals(tripped + HostRecord.HOUR, r.cutOffUntil());
    }

    @Test
    void forgetsIdleHostsAndStaysWithinCapacity() {
        HostCounters counters = new HostCounters(clock, 100);
        counters.host("192.0.2.1").recipient(clock.millis(), 0);
        clock.advance(Duration.ofMinutes(61));
        counters.sweep();
        assertNull(counters.peek("192.0.2.1"));
        for (int i = 0; i < 1000; i++) {
            counters.host("10.0." + (i / 256) + "." + (i % 256));
            clock.advance(Duration.ofMillis(1));
        }
        assertTrue(counters.size() <= 100, counters.size() + " hosts kept");
        assertTrue(counters.peek("10.0.3.231") != null, "the most recent host is kept");
    }

    @Test
    void concurrentSessionsCountExactly() throws Exception {
        HostCounters counters = new HostCounters(clock, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5000; i++) {
                        counters.host("192.0.2.9").recipient(clock.millis(), 0);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20_000, counters.peek("192.0.2.9").recipients(clock.millis()));
    }

    @Test
    void countsAndCutOffsOutliveABundleUpdate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
        java.nio.file.Path file = data.resolve("hat/host-counters");
        HostCounters before = new HostCounters(clock, 100, file);
        long start = clock.millis();
        before.host("198.51.100.1").recipient(clock.millis(), 0);
        for (int i = 0; i < 5; i++) {
            before.host("192.0.2.66").invalidRecipient(clock.millis(), 5);
            clock.advance(Duration.ofMinutes(10));
        }
        clock.advance(Duration.ofMinutes(15));
        before.host("2001:db8::7").recipient(clock.millis(), 0);
        before.host("2001:db8::7").recipient(clock.millis(), 0);
        before.save();

        HostCounters after = new HostCounters(clock, 100, file);
        assertTrue(after.peek("192.0.2.66").cutOff(clock.millis()), "a harvester stays cut off across the update");
        assertEquals(start + 40 * 60_000 + HostRecord.HOUR, after.peek("192.0.2.66").cutOffUntil());
        assertEquals(4, after.peek("192.0.2.66").invalidRecipients(clock.millis()), "minute 0 has left the hour");
        assertEquals(2, after.peek("2001:db8::7").recipients(clock.millis()));
        assertNull(after.peek("198.51.100.1"), "idle hosts are not carried over");
        assertFalse(java.nio.file.Files.exists(file), "read once: a crash later does not bring back stale counts");

        clock.advance(Duration.ofMinutes(30));
        assertEquals(1, after.peek("192.0.2.66").invalidRecipients(clock.millis()), "old minutes still fall out of the hour");

        java.nio.file.Files.writeString(file, "192.0.2.1 nonsense\n10.0.0.1 1 2 3\n");
        assertEquals(0, new HostCounters(clock, 100, file).size(), "unreadable lines are skipped, not fatal");
    }
}
