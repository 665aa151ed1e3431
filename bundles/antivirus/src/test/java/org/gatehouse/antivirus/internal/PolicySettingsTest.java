package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mail flow policy's stage settings choose the engine and the actions; unset keys keep the config's. */
class PolicySettingsTest {

    private static final String CLAMD_ONLY = "ONLY-THE-CLAMD-KNOWS-THIS";

    /** Stands in for clamd: knows one text of its own, and nothing else. */
    private static final class OtherEngine implements VirusEngine {
        final List<String> scanned = new ArrayList<>();

        @Override
        public String name() {
            return "clamd";
        }

        @Override
        public ScanResult scan(String name, InputStream content) throws IOException {
            scanned.add(name);
            String text = new String(content.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.contains(CLAMD_ONLY) ? ScanResult.infected("Clamd.Only.UNOFFICIAL", name) : ScanResult.clean();
        }
    }

    private final OtherEngine clamd = new OtherEngine();
    private final List<String> log = new ArrayList<>();

    private AntivirusStage stage(VerdictActions actions) {
        VirusEngine embedded = AntivirusStageTest.antivirus(false).engine(null);
        AntivirusStage stage = new AntivirusStage(AntivirusStageTest.antivirus(embedded, clamd), actions, true);
        stage.mailLog = new MailLog() {
            @Override public void info(MailEvent e) { log.add(e.text()); }
            @Override public void warning(MailEvent e) { log.add(e.text()); }
        };
        return stage;
    }

    private static InMemoryMessage under(Map<String, String> stageSettings, byte[] content) {
        Connection c = new Connection(5, "public", "192.0.2.1", null, false, "client.test", null, "UNKNOWNLIST",
                "ACCEPTED", null, Set.of(), null, stageSettings);
        return new InMemoryMessage(content, new Envelope("a@example.org", List.of(new Recipient(0, "b@example.com")),
                false, "7BIT"), c);
    }

    private static byte[] clamdOnly() {
        return ("From: a@example.org\r\nSubject: figures\r\n\r\nfigures " + CLAMD_ONLY + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void thePolicyPicksTheEngine() throws Exception {
        VerdictActions actions = VerdictActions.builder().build();
        InMemoryMessage byDefault = under(Map.of(), clamdOnly());
        assertEquals(Verdict.CONTINUE, stage(actions).process(byDefault).verdict(), "the embedded engine does not know it");
        assertEquals("embedded", byDefault.headers.get(AntivirusStage.HEADER_ENGINE));
        assertEquals(List.of(), clamd.scanned);

        InMemoryMessage byClamd = under(Map.of("antivirus.engine", "clamd"), clamdOnly());
        assertEquals(Verdict.QUARANTINE, stage(actions).process(byClamd).verdict());
        assertEquals("clamd", byClamd.headers.get(AntivirusStage.HEADER_ENGINE));
        assertEquals("clamd", byClamd.annotations.get("antivirus.engine"));
        assertEquals("MID 6 antivirus positive Clamd.Only.UNOFFICIAL engine clamd", log.get(1));

        InMemoryMessage unknown = under(Map.of("antivirus.engine", "sophos"), clamdOnly());
        assertThrows(IllegalArgumentException.class, () -> stage(actions).process(unknown),
                "an engine that is not here: the message waits (on.error), never passes unscanned");
    }

    @Test
    void thePolicyPicksTheActionsAndUnsetKeysKeepTheConfigs() throws Exception {
        VerdictActions configured = VerdictActions.builder().infected("quarantine").unscannable("quarantine").build();
        byte[] eicar = Fixtures.mailWithAttachment("a.zip", Fixtures.zip("e.com", EicarTail.eicar()));
        assertEquals(Verdict.QUARANTINE, stage(configured).process(under(Map.of(), eicar)).verdict());
        assertEquals(Verdict.DROP, stage(configured).process(under(Map.of("antivirus.action.infected", "drop"), eicar)).verdict());

        InMemoryMessage stripped = under(Map.of("antivirus.action.infected", "strip"), eicar);
        assertEquals(Verdict.CONTINUE, stage(configured).process(stripped).verdict());
        assertEquals("repaired", stripped.headers.get(AntivirusStage.HEADER_VERDICT));

        VerdictActions policy = configured.forPolicy(key -> Map.of("action.encrypted", "notice").get(key));
        assertEquals(VerdictActions.Action.NOTICE, policy.actionFor(ScanVerdict.ENCRYPTED));
        assertEquals(VerdictActions.Action.QUARANTINE, policy.actionFor(ScanVerdict.INFECTED), "unset: the config's");
        assertEquals(VerdictActions.Action.QUARANTINE, policy.actionFor(ScanVerdict.UNSCANNABLE));
        assertEquals(configured, configured.forPolicy(key -> null), "no policy settings: the same actions");
        assertThrows(IllegalArgumentException.class,
                () -> stage(configured).process(under(Map.of("antivirus.action.infected", "shred"), eicar)));
    }

    @Test
    void bothEnginesExistWheneverClamdHasAnAddress(@TempDir Path signatures) throws Exception {
        Map<String, Object> common = Map.of("signatures.directory", signatures.toString(), "watch.interval.seconds", 0);
        AntivirusComponent embeddedFirst = new AntivirusComponent(TestConfig.antivirus(common));
        try {
            assertEquals(List.of("embedded", "clamd"), embeddedFirst.engines());
            assertEquals("embedded", embeddedFirst.engine(null).name());
            assertEquals("clamd", embeddedFirst.engine("clamd").name());
            assertEquals("embedded", embeddedFirst.engineName());
            assertEquals("quarantine", embeddedFirst.settings().get("action.infected"));
            assertEquals("(none)", embeddedFirst.settings().get("notify.admin"));
        } finally {
            embeddedFirst.stop();
        }
        Map<String, Object> clamdConfigured = new java.util.HashMap<>(common);
        clamdConfigured.put("engine", "clamd");
        AntivirusComponent clamdFirst = new AntivirusComponent(TestConfig.antivirus(clamdConfigured));
        try {
            assertEquals(List.of("clamd", "embedded"), clamdFirst.engines());
            assertEquals("clamd", clamdFirst.engineName());
            assertEquals("embedded", clamdFirst.engine("embedded").name());
        } finally {
            clamdFirst.stop();
        }
        Map<String, Object> noClamd = new java.util.HashMap<>(common);
        noClamd.put("clamd.address", "");
        AntivirusComponent embeddedOnly = new AntivirusComponent(TestConfig.antivirus(noClamd));
        try {
            assertEquals(List.of("embedded"), embeddedOnly.engines());
            assertThrows(IllegalArgumentException.class, () -> embeddedOnly.engine("clamd"));
        } finally {
            embeddedOnly.stop();
        }
        noClamd.put("engine", "clamd");
        assertThrows(IllegalArgumentException.class, () -> new AntivirusComponent(TestConfig.antivirus(noClamd)));
        assertEquals(true, Files.isDirectory(signatures));
    }
}
