package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private final MutableClock clock = new MutableClock();
    private final AnswerCache cache = new AnswerCache(clock, Duration.ofSeconds(900), Duration.ofSeconds(30), 3);

    @Test
    void answersLiveTheirTtlAndNegativeAnswersToo() {
        cache.put("192.0.2.1", List.of(ZoneAnswer.listed(ReputationZone.parse("z *=-5"), List.of("127.0.0.2"))));
        cache.put("192.0.2.2", List.of(ZoneAnswer.notListed("z")));
        clock.advance(Duration.ofSeconds(899));
        assertNotNull(cache.fresh("192.0.2.1"));
        assertNotNull(cache.fresh("192.0.2.2"));
        assertEquals(Duration.ofSeconds(899), cache.fresh("192.0.2.2").age(clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        assertNull(cache.fresh("192.0.2.1"));
        assertNull(cache.fresh("192.0.2.2"));
        assertEquals(0, cache.size());
    }

    @Test
    void aFailedLookupIsKeptOnlyBriefly() {
        cache.put("192.0.2.1", List.of(ZoneAnswer.notListed("a"), ZoneAnswer.failed("b", "timeout")));
        clock.advance(Duration.ofSeconds(29));
        assertNotNull(cache.fresh("192.0.2.1"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(cache.fresh("192.0.2.1"));
    }

    @Test
    void theLeastRecentlyUsedHostGoesPastTheCap() {
        cache.put("192.0.2.1", List.of());
        cache.put("192.0.2.2", List.of());
        cache.put("192.0.2.3", List.of());
        cache.fresh("192.0.2.1");
        cache.put("192.0.2.4", List.of());
        assertEquals(3, cache.size());
        assertNull(cache.fresh("192.0.2.2"));
        assertNotNull(cache.fresh("192.0.2.1"));
    }
}
