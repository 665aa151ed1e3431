package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneScoresTest {

    private static final ReputationZone BLOCK = ReputationZone.parse("block.test 127.0.0.2=-8.5 127.0.0.3=-4");
    private static final ReputationZone ALLOW = ReputationZone.parse("allow.test 127.0.0.10=+3 127.0.0.11=+6");

    @Test
    void worstBlockListingWinsOverEverything() {
        assertEquals(-8.5, ZoneScores.combine(List.of(
                ZoneAnswer.listed(BLOCK, List.of("127.0.0.3")),
                ZoneAnswer.listed(ALLOW, List.of("127.0.0.11")),
                ZoneAnswer.listed(ReputationZone.parse("b2.test *=-8.5"), List.of("127.0.0.2")),
                ZoneAnswer.listed(BLOCK, List.of("127.0.0.2")))));
        assertEquals(-4.0, ZoneScores.combine(List.of(
                ZoneAnswer.listed(ALLOW, List.of("127.0.0.11")), ZoneAnswer.listed(BLOCK, List.of("127.0.0.3")))));
    }

    @Test
    void bestAllowListingCountsWhenNoBlockList() {
        assertEquals(6.0, ZoneScores.combine(List.of(ZoneAnswer.listed(ALLOW, List.of("127.0.0.10")),
                ZoneAnswer.notListed("block.test"), ZoneAnswer.listed(ALLOW, List.of("127.0.0.11")))));
    }

    @Test
    void severalAnswersFromOneZoneTakeTheLowest() {
        ZoneAnswer answer = ZoneAnswer.listed(BLOCK, List.of("127.0.0.3", "127.0.0.2", "127.0.0.9"));
        assertEquals(-8.5, answer.score());
        assertEquals("listed 127.0.0.3 127.0.0.2 127.0.0.9 (-8.5), answer not mapped: 127.0.0.9", answer.describe());
    }

    @Test
    void nothingListedFailedOrUnmappedIsNone() {
        assertNull(ZoneScores.combine(List.of()));
        assertNull(ZoneScores.combine(List.of(ZoneAnswer.notListed("block.test"), ZoneAnswer.failed("allow.test", "timeout"),
                ZoneAnswer.listed(BLOCK, List.of("127.0.0.7")))));
    }
}
