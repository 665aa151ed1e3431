package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatehouse.api.StageResult;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.Test;

class AntivirusStageTest {

    /** Scans with the embedded scanner, or fails like an engine that is down. */
    static Antivirus antivirus(boolean down) {
        ContentScanner scanner = Fixtures.scanner(ScanLimits.defaults());
        VirusEngine embedded = new VirusEngine() {
            @Override
            public String name() {
                return "embedded";
            }

            @Override
            public ScanResult scan(String name, InputStream content) throws IOException {
                if (down) {
                    throw new IOException("clamd at 127.0.0.1:3310 failed: Connection refused");
                }
                return scanner.scan(name, content);
            }
        };
        return antivirus(embedded);
    }

    /** An Antivirus whose engines are these, the first the configured one. */
    static Antivirus antivirus(VirusEngine... engines) {
        return new Antivirus() {
            @Override
            public ScanResult scan(String name, InputStream content) throws IOException {
                return engines[0].scan(name, content);
            }

            @Override
            public String engineName() {
                return engines[0].name();
            }

            @Override
            public VirusEngine engine(String name) {
                if (name == null || name.isBlank()) {
                    return engines[0];
                }
                for (VirusEngine e : engines) {
                    if (e.name().equals(name)) {
                        return e;
                    }
                }
                throw new IllegalArgumentException("no anti-virus engine " + name);
            }

            @Override
            public List<String> engines() {
                return java.util.Arrays.stream(engines).map(VirusEngine::name).toList();
            }

            @Override
            public Map<String, String> settings() {
                return Map.of();
            }

            @Override
            public Status status() {
                throw new UnsupportedOperationException();
            }

            @Override
            public SignatureDatabase update(Path source) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private final VerdictActions actions = new VerdictActions("quarantine", "deliver", "drop", "virus");

    @Test
    void infectedIsQuarantinedWithHeaders() throws Exception {
        InMemoryMessage m = new InMemoryMessage(Fixtures.mailWithAttachment("e.com", EicarTail.eicar()));
        StageResult r = new AntivirusStage(antivirus(false), actions, true).process(m);
        assertEquals(Verdict.QUARANTINE, r.verdict());
        assertEquals("virus", r.quarantine());
        assertEquals("infected", m.headers.get(AntivirusStage.HEADER_VERDICT));
        assertEquals("Eicar-Test-Signature", m.headers.get(AntivirusStage.HEADER_NAME));
        assertEquals("Eicar-Test-Signature", m.annotations.get("antivirus.signature"));
        assertEquals(0, m.replacements, "quarantine leaves the content as it was");
    }

    @Test
    void cleanContinuesAndEncryptedIsDeliveredAndUnscannableDropped() throws Exception {
        InMemoryMessage clean = new InMemoryMessage(Fixtures.mailWithAttachment("a.txt", "hi".getBytes()));
        assertEquals(Verdict.CONTINUE, new AntivirusStage(antivirus(false), actions, false).process(clean).verdict());
        assertEquals(Map.of(), clean.headers);
        InMemoryMessage locked = new InMemoryMessage(Fixtures.mailWithAttachment("a.zip", Fixtures.resource("zip-password.zip")));
        assertEquals(Verdict.CONTINUE, new AntivirusStage(antivirus(false), actions, true).process(locked).verdict());
        assertEquals("encrypted", locked.headers.get(AntivirusStage.HEADER_VERDICT));
        byte[] deep = "x".getBytes();
        for (int i = 0; i < 30; i++) {
            deep = Fixtures.zip("z" + i + ".zip", deep);
        }
        InMemoryMessage bomb = new InMemoryMessage(Fixtures.mailWithAttachment("deep.zip", deep));
        assertEquals(Verdict.DROP, new AntivirusStage(antivirus(false), actions, true).process(bomb).verdict());
    }

    @Test
    void verdictsTagTheSubjectOnce() throws Exception {
        VerdictActions tagging = new VerdictActions("deliver", "deliver", "drop", "virus", "[VIRUS]", "[ENCRYPTED]", "");
        InMemoryMessage m = new InMemoryMessage(Fixtures.mailWithAttachment("e.com", EicarTail.eicar()));
        assertEquals(Verdict.CONTINUE, new AntivirusStage(antivirus(false), tagging, true).process(m).verdict());
        assertEquals("[VIRUS] test", m.header("Subject"));
        new AntivirusStage(antivirus(false), tagging, true).process(m);
        assertEquals("[VIRUS] test", m.header("Subject"), "scanned again, tagged once");
        InMemoryMessage clean = new InMemoryMessage(Fixtures.mailWithAttachment("a.txt", "hi".getBytes()));
        new AntivirusStage(antivirus(false), tagging, true).process(clean);
        assertEquals(null, clean.headers.get("Subject"));
        assertEquals(null, tagging.subjectFor(ScanVerdict.UNSCANNABLE, "x"), "no prefix configured");
        assertEquals("[ENCRYPTED]", tagging.subjectFor(ScanVerdict.ENCRYPTED, null));
    }

    @Test
    void engineDownThrowsSoTheMessageWaits() {
        InMemoryMessage m = new InMemoryMessage(Fixtures.mailWithAttachment("a.txt", "hi".getBytes()));
        assertThrows(IOException.class, () -> new AntivirusStage(antivirus(true), actions, true).process(m));
    }

    @Test
    void unknownActionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VerdictActions("rewrite", "deliver", "drop", "virus"));
        assertThrows(IllegalArgumentException.class, () -> new VerdictActions("quarantine", "strip", "drop", "virus"),
                "only infected parts are stripped");
        assertThrows(IllegalArgumentException.class, () -> VerdictActions.builder().unrepairable("strip").build());
    }

    @Test
    void shippedDefaultsQuarantineInfectedMailAndReadEveryNewKey() {
        VerdictActions shipped = VerdictActions.from(TestConfig.antivirus(Map.of()));
        assertEquals(VerdictActions.Action.QUARANTINE, shipped.actionFor(ScanVerdict.INFECTED));
        assertEquals(VerdictActions.Action.QUARANTINE, shipped.unrepairable());
        assertEquals("[WARNING: VIRUS REMOVED]", shipped.prefix(ScanVerdict.REPAIRED));
        VerdictActions configured = VerdictActions.from(TestConfig.antivirus(Map.of("action.infected", "strip",
                "action.unrepairable", "notice", "notice.infected.allowed", true, "action.unscannable", "notice")));
        assertEquals(VerdictActions.Action.STRIP, configured.actionFor(ScanVerdict.INFECTED));
        assertEquals(VerdictActions.Action.NOTICE, configured.unrepairable());
        assertEquals(VerdictActions.Action.NOTICE, configured.actionFor(ScanVerdict.UNSCANNABLE));
    }
}
