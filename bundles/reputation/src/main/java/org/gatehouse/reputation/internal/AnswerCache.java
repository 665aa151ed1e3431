package org.gatehouse.reputation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zone answers per host, so a busy sender costs one DNS round per TTL. Listings and "not listed"
 * live {@code cache.ttl.seconds}; a lookup in which some zone failed lives only
 * {@code cache.failure.ttl.seconds}, so a resolver hiccup does not stick for long but a dead one
 * is not asked on every connection either. Bounded: past the cap the least recently used host
 * goes.
 */
final class AnswerCache {

    /** The answers for one host and when DNS gave them. */
    record Entry(List<ZoneAnswer> answers, Instant fetched, Instant expires) {
        Duration age(Instant now) {
            return Duration.between(fetched, now);
        }
    }

    private final Clock clock;
    private final Duration ttl;
    private final Duration failureTtl;
    private final Map<String, Entry> entries;

    AnswerCache(Clock clock, Duration ttl, Duration failureTtl, int maxHosts) {
        this.clock = clock;
        this.ttl = ttl;
        this.failureTtl = failureTtl;
        int cap = Math.max(1, maxHosts);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > cap;
            }
        };
    }

    /** The host's answers while still fresh, else null. */
    synchronized Entry fresh(String host) {
        Entry entry = entries.get(host);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(host);
            return null;
        }
        return entry;
    }

    /** Keeps what DNS just said; a lookup with a failed zone is kept only briefly. */
    synchronized Entry put(String host, List<ZoneAnswer> answers) {
        Instant now = clock.instant();
        boolean failed = answers.stream().anyMatch(a -> a.status() == ZoneAnswer.Status.FAILED);
        Entry entry = new Entry(List.copyOf(answers), now, now.plus(failed ? failureTtl : ttl));
        entries.put(host, entry);
        return entry;
    }

    synchronized void forget(String host) {
        entries.remove(host);
    }

    synchronized int size() {
        return entries.size();
    }
}
