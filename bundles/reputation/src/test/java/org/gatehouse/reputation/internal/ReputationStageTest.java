package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.StageResult;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.Test;

class ReputationStageTest {

    /** Just enough of a message: MID, connection, annotations. */
    static final class Message implements MailMessage {
        final long mid;
        final Connection connection;
        final Map<String, String> annotations = new LinkedHashMap<>();

        Message(long mid, String remoteIp) {
            this(mid, remoteIp, 1);
        }

        Message(long mid, String remoteIp, long icid) {
            this.mid = mid;
            this.connection = remoteIp == null ? null
                    : new Connection(icid, "public", remoteIp, null, false, "helo", null, "UNKNOWNLIST", "ACCEPTED", null);
        }

        @Override public long mid() { return mid; }
        @Override public Envelope envelope() { return null; }
        @Override public Connection connection() { return connection; }
        @Override public Instant received() { return Instant.EPOCH; }
        @Override public long size() { return 0; }
        @Override public InputStream openContent() { return new ByteArrayInputStream(new byte[0]); }
        @Override public Map<String, String> annotations() { return annotations; }
        @Override public void annotate(String key, String value) { annotations.put(key, value); }
        @Override public void addHeader(String name, String value) { }
        @Override public void setHeader(String name, String value) { }
        @Override public String header(String name) { return null; }
        @Override public void replaceContent(org.gatehouse.api.ContentWriter writer) { }
    }

    private final MutableClock clock = new MutableClock();
    private final ReputationEngine engine = new ReputationEngine(new TestConfig(), new ReputationEngineTest.TableLookup(), "test", clock);
    private final ReputationStage stage = new ReputationStage(engine);

    @Test
    void countsTheScannersVerdictsAgainstTheSendingHost() {
        for (int i = 0; i < 6; i++) {
            Message m = new Message(i, "198.51.100.4");
            m.annotate("antispam.verdict", i < 5 ? "positive" : "negative");
            m.annotate("antivirus.verdict", "clean");
            assertSame(Verdict.CONTINUE, stage.process(m).verdict());
        }
        HostHistory h = engine.explain("198.51.100.4").history();
        assertEquals(5.0, h.spam(), 1e-9);
        assertEquals(1.0, h.clean(), 1e-9);
        assertTrue(engine.score("198.51.100.4") < 0);
    }

    @Test
    void messagesWithoutVerdictOrAddressTeachNothing() {
        assertSame(StageResult.proceed(), stage.process(new Message(1, "198.51.100.4")));
        Message local = new Message(2, null);
        local.annotate("antispam.verdict", "positive");
        assertSame(StageResult.proceed(), stage.process(local));
        Message odd = new Message(3, "unknown");
        odd.annotate("antispam.verdict", "positive");
        assertSame(StageResult.proceed(), stage.process(odd));
        // a DSN or a virus notification the gateway made itself (ICID 0, from 127.0.0.1)
        Message notice = new Message(4, "127.0.0.1", 0);
        notice.annotate("antispam.verdict", "negative");
        assertSame(StageResult.proceed(), stage.process(notice));
        assertEquals(0, engine.status().knownHosts());
    }

    @Test
    void neverThrowsEvenWhenLearningFails() {
        List<String> calls = new ArrayList<>();
        Reputation broken = new Reputation() {
            @Override public Double score(String ip) { return null; }
            @Override public Explanation explain(String ip) { return null; }
            @Override public Status status() { return null; }
            @Override public void learn(String ip, long mid, MessageOutcome outcome) {
                calls.add(ip);
                throw new IllegalStateException("history full");
            }
            @Override public boolean forget(String ip) { return false; }
        };
        Message m = new Message(9, "198.51.100.4");
        m.annotate("antispam.verdict", "negative");
        assertSame(Verdict.CONTINUE, new ReputationStage(broken).process(m).verdict());
        assertEquals(List.of("198.51.100.4"), calls);
        assertEquals("IllegalStateException: history full", m.annotations.get("reputation.error"));
    }
}
