package org.gatehouse.hat.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small bounded cache whose answers expire after a fixed time (DNS answers for the HAT). */
final class TtlCache<K, V> {

    private record Held<V>(V value, long expires) {
    }

    private final Map<K, Held<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private final int capacity;

    TtlCache(Clock clock, long ttlMillis, int capacity) {
        this.clock = clock;
        this.ttlMillis = ttlMillis;
        this.capacity = capacity;
    }

    /** The live answer, or null. */
    V peek(K key) {
        Held<V> held = entries.get(key);
        return held != null && clock.millis() < held.expires() ? held.value() : null;
    }

    void put(K key, V value) {
        long now = clock.millis();
        if (ttlMillis > 0) {
            if (entries.size() >= capacity) {
                entries.values().removeIf(h -> now >= h.expires());
                if (entries.size() >= capacity) {
                    // Still full of live answers: start afresh rather than grow without bound.
                    entries.clear();
                }
            }
            entries.put(key, new Held<>(value, now + ttlMillis));
        }
    }
}
