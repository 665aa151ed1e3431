package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @Test
    void historySurvivesARestart() throws IOException {
        HistoryFile file = new HistoryFile(dir.resolve("reputation/history.txt"));
        TestConfig config = new TestConfig();
        ReputationEngine before = new ReputationEngine(config, new ReputationEngineTest.TableLookup(), "test", clock, file);
        for (int i = 0; i < 10; i++) {
            before.learn("192.0.2.1", i, MessageOutcome.SPAM);
        }
        before.learn("2001:db8::7", 99, MessageOutcome.CLEAN);
        Double score = before.score("192.0.2.1");
        before.stop();

        ReputationEngine after = new ReputationEngine(config, new ReputationEngineTest.TableLookup(), "test", clock, file);
        try {
            assertEquals(score, after.score("192.0.2.1"));
            assertEquals(2, after.status().knownHosts());
            assertEquals(1.0, after.explain("2001:db8::7").history().clean(), 1e-9);
        } finally {
            after.stop();
        }
    }

    @Test
    void damagedLinesCostOnlyTheirHost() throws IOException {
        Path path = dir.resolve("history.txt");
        Files.write(path, List.of("# comment", "192.0.2.1 1.0 2.0 0.0 1700000000000", "garbage", "host.example 1 1 1 1",
                "192.0.2.2 3.0 0 0 1700000000000"));
        assertEquals(List.of("192.0.2.1", "192.0.2.2"), List.copyOf(new HistoryFile(path).load().keySet()));
    }

    @Test
    void restoredCountsKeepDecayingAndNewerCountsWin() {
        SenderHistory history = new SenderHistory(clock, Duration.ofHours(24), 10);
        history.record("192.0.2.1", 1, MessageOutcome.CLEAN);
        history.restore(java.util.Map.of("192.0.2.1", new HostHistory(0, 50, 0, clock.instant()),
                "192.0.2.2", new HostHistory(0, 8, 0, clock.instant().minus(Duration.ofHours(48)))));
        assertEquals(1.0, history.of("192.0.2.1").clean(), 1e-9);
        assertEquals(0.0, history.of("192.0.2.1").spam(), 1e-9);
        assertEquals(2.0, history.of("192.0.2.2").spam(), 1e-9);
        assertNull(new HistoryScore(5, 5).points(history.of("192.0.2.2")));
    }
}
