package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderHistoryTest {

    private final MutableClock clock = new MutableClock();
    private final SenderHistory history = new SenderHistory(clock, Duration.ofHours(24), 3);
    private final HistoryScore scoring = new HistoryScore(5, 5.0);
    private long mid = 1;

    private void send(String host, MessageOutcome outcome, int count) {
        for (int i = 0; i < count; i++) {
            history.record(host, mid++, outcome);
        }
    }

    @Test
    void tooLittleHistoryScoresNothing() {
        send("192.0.2.1", MessageOutcome.SPAM, 4);
        assertNull(scoring.points(history.of("192.0.2.1")));
        assertNull(scoring.points(history.of("192.0.2.99")));
    }

    @Test
    void mostlySpamDriftsNegativeAndMoreSoWithMoreMail() {
        send("192.0.2.1", MessageOutcome.SPAM, 5);
        assertEquals(-2.5, scoring.points(history.of("192.0.2.1")), 1e-9);
        send("192.0.2.1", MessageOutcome.SPAM, 15);
        send("192.0.2.1", MessageOutcome.CLEAN, 1);
        // n = 21, balance = -19/21, confidence = 21/26
        assertEquals(5.0 * -19 / 21 * 21 / 26, scoring.points(history.of("192.0.2.1")), 1e-9);
    }

    @Test
    void mostlyCleanDriftsPositive() {
        send("192.0.2.2", MessageOutcome.CLEAN, 45);
        send("192.0.2.2", MessageOutcome.VIRUS, 5);
        assertEquals(5.0 * 40 / 50 * 50 / 55, scoring.points(history.of("192.0.2.2")), 1e-9);
    }

    @Test
    void suspectedSpamCountsHalfAndHalf() {
        send("192.0.2.3", MessageOutcome.SUSPECTED_SPAM, 6);
        HostHistory h = history.of("192.0.2.3");
        assertEquals(3.0, h.clean(), 1e-9);
        assertEquals(3.0, h.spam(), 1e-9);
        assertEquals(0.0, scoring.points(h), 1e-9);
    }

    @Test
    void historyFadesWithTheHalfLife() {
        send("192.0.2.1", MessageOutcome.SPAM, 8);
        clock.advance(Duration.ofHours(24));
        assertEquals(4.0, history.of("192.0.2.1").spam(), 1e-9);
        assertNull(scoring.points(history.of("192.0.2.1")), "4 decayed messages are below the minimum");
        send("192.0.2.1", MessageOutcome.CLEAN, 4);
        HostHistory h = history.of("192.0.2.1");
        assertEquals(4.0, h.spam(), 1e-9);
        assertEquals(4.0, h.clean(), 1e-9);
    }

    @Test
    void aMessageIsCountedOnce() {
        assertTrue(history.record("192.0.2.1", 77, MessageOutcome.SPAM));
        assertFalse(history.record("192.0.2.1", 77, MessageOutcome.SPAM));
        assertEquals(1.0, history.of("192.0.2.1").total(), 1e-9);
    }

    @Test
    void theHostSeenLeastRecentlyIsForgottenPastTheCap() {
        send("192.0.2.1", MessageOutcome.CLEAN, 1);
        send("192.0.2.2", MessageOutcome.CLEAN, 1);
        send("192.0.2.3", MessageOutcome.CLEAN, 1);
        send("192.0.2.1", MessageOutcome.CLEAN, 1);
        send("192.0.2.4", MessageOutcome.CLEAN, 1);
        assertEquals(3, history.size());
        assertEquals(0.0, history.of("192.0.2.2").total());
        assertEquals(2.0, history.of("192.0.2.1").total(), 1e-9);
    }

    @Test
    void combinedScoreIsDnsMovedByHistoryWithinTheRange() {
        assertNull(HistoryScore.combine(null, null));
        assertEquals(-8.5, HistoryScore.combine(-8.5, null));
        assertEquals(-2.5, HistoryScore.combine(null, -2.5));
        assertEquals(0.5, HistoryScore.combine(3.0, -2.5));
        assertEquals(-10.0, HistoryScore.combine(-8.5, -4.0));
        assertEquals(10.0, HistoryScore.combine(8.0, 4.0));
    }

    @Test
    void outcomeComesFromTheScannersAnnotations() {
        assertEquals(MessageOutcome.VIRUS, MessageOutcome.of(Map.of("antispam.verdict", "negative", "antivirus.verdict", "infected")));
        assertEquals(MessageOutcome.VIRUS, MessageOutcome.of(Map.of("antispam.verdict", "negative", "antivirus.verdict", "repaired")));
        assertEquals(MessageOutcome.SPAM, MessageOutcome.of(Map.of("antispam.verdict", "positive", "antivirus.verdict", "clean")));
        assertEquals(MessageOutcome.SUSPECTED_SPAM, MessageOutcome.of(Map.of("antispam.verdict", "suspected")));
        assertEquals(MessageOutcome.CLEAN, MessageOutcome.of(Map.of("antispam.verdict", "negative")));
        assertEquals(MessageOutcome.CLEAN, MessageOutcome.of(Map.of("antivirus.verdict", "clean")));
        assertNull(MessageOutcome.of(Map.of("antivirus.verdict", "encrypted")));
        assertNull(MessageOutcome.of(Map.of()));
    }
}
