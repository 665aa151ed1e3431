package org.gatehouse.antispam.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spamd adapter against a real spamd this test starts on a free loopback port (skipped without spamd). */
class SpamdEngineTest {

    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-" + "ANTI-UBE-TEST-EMAIL*C.34X";

    @TempDir
    static Path dir;
    private static Process spamd;
    private static int port;

    @BeforeAll
    static void startSpamd() throws IOException {
        String program = Daemons.find("spamd");
        assumeTrue(program != null, "spamd is not installed (apt-get install spamassassin spamd): spamd adapter tests skipped");
        port = Daemons.freePort();
        spamd = new ProcessBuilder(program, "-L", "--listen=127.0.0.1:" + port, "--pidfile=" + dir.resolve("spamd.pid"),
                "--max-children=1", "--min-children=1", "--nouser-config", "-u", "nobody",
                "--syslog=stderr", "--helper-home-dir=" + dir)
                .redirectErrorStream(true).redirectOutput(dir.resolve("spamd.log").toFile()).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> Daemons.listening(port) || !spamd.isAlive());
        assumeTrue(spamd.isAlive(), "spamd did not start; see " + dir.resolve("spamd.log"));
    }

    @AfterAll
    static void stopSpamd() throws InterruptedException {
        Daemons.stop(spamd);
    }

    private static SpamdEngine engine(int onPort) {
        return new SpamdEngine("127.0.0.1", onPort, 60_000, new ScoreScale(5, 10, Thresholds.DEFAULT));
    }

    @Test
    void gtubeIsPositiveWithSpamAssassinsRuleNames() throws IOException {
        String message = "From: a@example.org\r\nTo: b@example.com\r\nSubject: test\r\n\r\n" + GTUBE + "\r\n";
        SpamScore score = engine(port).check(Fixtures.stream(message), MessageFacts.none());
        assertEquals(100, score.score());
        assertTrue(score.rules().contains("GTUBE"), score.rules().toString());
    }

    @Test
    void ordinaryMailIsNegative() throws IOException {
        SpamScore score = engine(port).check(Fixtures.open("ham-plain.eml"), MessageFacts.none());
        assertTrue(score.score() < 50, score.toString());
    }

    @Test
    void nothingListeningIsAnErrorNotAVerdict() throws IOException {
        int closed = Daemons.freePort();
        assertFalse(Daemons.listening(closed));
        IOException e = assertThrows(IOException.class, () -> engine(closed).check(Fixtures.open("ham-plain.eml"), MessageFacts.none()));
        assertTrue(e.getMessage().contains("spamd at 127.0.0.1:" + closed), e.getMessage());
    }

    @Test
    void readsTheSpamHeader() throws IOException {
        assertEquals(15.2, SpamdEngine.spamHeaderScore("Spam: True ; 15.2 / 5.0"));
        assertEquals(-1.0, SpamdEngine.spamHeaderScore("Spam: False ; -1.0 / 5.0"));
        assertThrows(IOException.class, () -> SpamdEngine.spamHeaderScore("Spam: yes"));
    }
}
