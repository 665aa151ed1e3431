package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** A DNS server that does not answer costs one timeout, not one per lookup of every message. */
class DnsjavaDnsTest {

    private static final class StepClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsLeftAloneForAWhile() throws Exception {
        StepClock clock = new StepClock();
        // A UDP socket that takes queries and never answers them.
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DnsjavaDns dns = new DnsjavaDns("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300), clock);

            long first = timed(() -> assertTrue(dns.txt("a.example").failed()));
            assertTrue(first >= 250, "the first query waits for its timeout: " + first + " ms");

            long next = timed(() -> {
                assertTrue(dns.txt("b.example").failed());
                assertTrue(dns.mx("c.example").failed());
                assertTrue(dns.addresses("d.example", false).failed());
            });
            assertTrue(next < 250, "later lookups fail at once while the server is quiet: " + next + " ms");

            clock.advance(DnsjavaDns.QUIET_AFTER_TIMEOUT.plusSeconds(1));
            long again = timed(() -> assertTrue(dns.txt("e.example").failed()));
            assertTrue(again >= 250, "after the quiet time the server is asked again: " + again + " ms");
        }
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
