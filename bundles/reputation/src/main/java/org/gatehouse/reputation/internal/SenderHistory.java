package org.gatehouse.reputation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local history: decayed counts of clean, spam and virus messages per sending host. Bounded:
 * past the cap the host seen least recently is forgotten. A message is counted once even if a
 * later stage fails and the pipeline runs it again.
 */
final class SenderHistory {

    private static final int REMEMBERED_MIDS = 10_000;

    private final Clock clock;
    private final Duration halfLife;
    /** Insertion order = order of last message, since {@link #record} re-inserts the host. */
    private final Map<String, HostHistory> hosts;
    private final Map<Long, Boolean> countedMids = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED_MIDS;
        }
    };

    SenderHistory(Clock clock, Duration halfLife, int maxHosts) {
        this.clock = clock;
        this.halfLife = halfLife;
        int cap = Math.max(1, maxHosts);
        this.hosts = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, HostHistory> eldest) {
                return size() > cap;
            }
        };
    }

    /** Counts one message from the host; false when this MID was counted already. */
    synchronized boolean record(String host, long mid, MessageOutcome outcome) {
        if (countedMids.put(mid, Boolean.TRUE) != null) {
            return false;
        }
        Instant now = clock.instant();
        HostHistory before = hosts.remove(host);
        hosts.put(host, (before == null ? HostHistory.NONE : before).plus(outcome, now, halfLife));
        return true;
    }

    /** The host's counts as they stand now (all zero for a stranger). */
    synchronized HostHistory of(String host) {
        HostHistory h = hosts.get(host);
        return h == null ? HostHistory.NONE : h.decayedTo(clock.instant(), halfLife);
    }

    /** Every host's counts, least recently seen first, for saving. */
    synchronized Map<String, HostHistory> snapshot() {
        return new LinkedHashMap<>(hosts);
    }

    /** Puts saved hosts back (oldest first, so the cap evicts the right ones); hosts seen since win. */
    synchronized void restore(Map<String, HostHistory> saved) {
        Map<String, HostHistory> seenSince = new LinkedHashMap<>(hosts);
        hosts.clear();
        saved.forEach(hosts::put);
        seenSince.forEach((host, h) -> {
            hosts.remove(host);
            hosts.put(host, h);
        });
    }

    synchronized void forget(String host) {
        hosts.remove(host);
    }

    synchronized int size() {
        return hosts.size();
    }
}
