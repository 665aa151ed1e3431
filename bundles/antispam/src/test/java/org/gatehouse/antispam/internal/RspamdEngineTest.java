package org.gatehouse.antispam.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Rspamd adapter against a real Rspamd this test starts with its own config folder, free
 * loopback ports and pid file (skipped without rspamd). Canned answers test the parsing.
 */
class RspamdEngineTest {

    private static final ScoreScale SCALE = new ScoreScale(6, 15, Thresholds.DEFAULT);

    @TempDir
    static Path dir;
    private static Process rspamd;
    private static int port;

    @BeforeAll
    static void startRspamd() throws IOException {
        String program = Daemons.find("rspamd");
        if (program == null) {
            return;
        }
        port = Daemons.freePort();
        int controller = Daemons.freePort();
        Path local = Files.createDirectories(dir.resolve("local/local.d"));
        for (String sub : List.of("run", "db", "log")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(local.resolve("worker-normal.inc"), "bind_socket = \"127.0.0.1:" + port + "\";\ncount = 1;\n");
        Files.writeString(local.resolve("worker-controller.inc"), "bind_socket = \"127.0.0.1:" + controller + "\";\ncount = 1;\n");
        Files.writeString(local.resolve("worker-proxy.inc"), "enabled = false;\n");
        Files.writeString(local.resolve("worker-fuzzy.inc"), "enabled = false;\n");
        Files.writeString(local.resolve("classifier-bayes.conf"), "backend = \"sqlite3\";\n"
                + "statfile { symbol = \"BAYES_HAM\"; spam = false; path = \"" + dir.resolve("db/ham.sqlite") + "\"; }\n"
                + "statfile { symbol = \"BAYES_SPAM\"; spam = true; path = \"" + dir.resolve("db/spam.sqlite") + "\"; }\n");
        for (String module : List.of("rbl", "fuzzy_check", "dcc", "asn", "spf", "dkim", "dmarc", "arc", "phishing")) {
            Files.writeString(local.resolve(module + ".conf"), "enabled = false;\n");
        }
        rspamd = new ProcessBuilder(program, "-f", "-u", "root", "-g", "root", "-i",
                "--var=LOCAL_CONFDIR=" + dir.resolve("local"), "--var=RUNDIR=" + dir.resolve("run"),
                "--var=DBDIR=" + dir.resolve("db"), "--var=LOGDIR=" + dir.resolve("log"), "-c", "/etc/rspamd/rspamd.conf")
                .redirectErrorStream(true).redirectOutput(dir.resolve("rspamd.out").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Daemons.listening(port) || !rspamd.isAlive());
    }

    @AfterAll
    static void stopRspamd() throws InterruptedException {
        Daemons.stop(rspamd);
    }

    private static void assumeRspamd() {
        assumeTrue(rspamd != null, "rspamd is not installed (apt-get install rspamd): Rspamd adapter tests skipped");
        assumeTrue(rspamd.isAlive(), "rspamd did not start; see " + dir.resolve("rspamd.out"));
    }

    @Test
    void scoresSpamWithRspamdsSymbols() throws IOException {
        assumeRspamd();
        RspamdEngine engine = new RspamdEngine("http://127.0.0.1:" + port, 30_000, SCALE);
        MessageFacts facts = new MessageFacts("203.0.113.77", "203.0.113.77", "", "winner2002@freemail.example",
                List.of("bob@example.com"), null);
        SpamScore spam = engine.check(Fixtures.open("spam-html.eml"), facts);
        SpamScore ham = engine.check(Fixtures.open("ham-plain.eml"), MessageFacts.none());
        assertTrue(spam.score() > ham.score(), spam + " vs " + ham);
        assertTrue(spam.rules().contains("R_UNDISC_RCPT"), spam.rules().toString());
        assertTrue(ham.score() < 50, ham.toString());
    }

    @Test
    void nothingListeningIsAnErrorNotAVerdict() throws IOException {
        int closed = Daemons.freePort();
        RspamdEngine engine = new RspamdEngine("http://127.0.0.1:" + closed, 5_000, SCALE);
        IOException e = assertThrows(IOException.class, () -> engine.check(Fixtures.open("ham-plain.eml"), MessageFacts.none()));
        assertTrue(e.getMessage().contains("Rspamd at http://127.0.0.1:" + closed), e.getMessage());
    }

    @Test
    void readsACheckv2Answer() throws IOException {
        RspamdEngine engine = new RspamdEngine("http://127.0.0.1:1/", 1000, SCALE);
        SpamScore score = engine.answer("{\"is_skipped\":false,\"score\":15.0,\"required_score\":15.0,\"action\":\"reject\","
                + "\"symbols\":{\"A\":{\"name\":\"A\",\"score\":1.5},\"B\":{\"name\":\"B\",\"score\":9.0,\"options\":[\"x\\u0041\"]}},"
                + "\"urls\":[],\"messages\":{}}");
        assertEquals(90, score.score());
        assertEquals(List.of("B", "A"), score.rules());
        assertThrows(IOException.class, () -> engine.answer("{\"error\":\"bad\"}"));
        assertThrows(IOException.class, () -> engine.answer("{\"score\":"));
    }
}
