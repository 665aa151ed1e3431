package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.StageResult;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.Test;

class AntivirusStageTest {

    /** Scans with the embedded scanner, or fails like an engine that is down. */
    private static Antivirus antivirus(boolean down) {
        ContentScanner scanner = Fixtures.scanner(ScanLimits.defaults());
        return new Antivirus() {
            @Override
            public ScanResult scan(String name, InputStream content) throws IOException {
                if (down) {
                    throw new IOException("clamd at 127.0.0.1:3310 failed: Connection refused");
                }
                return scanner.scan(name, content);
            }

            @Override
            public String engineName() {
                return "embedded";
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

    private static final class Message implements MailMessage {
        byte[] content;
        final Map<String, String> annotations = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();

        Message(byte[] content) {
            this.content = content;
        }

        @Override public long mid() { return 6; }
        @Override public Envelope envelope() { return null; }
        @Override public Connection connection() { return null; }
        @Override public Instant received() { return Instant.EPOCH; }
        @Override public long size() { return content.length; }
        @Override public InputStream openContent() { return new ByteArrayInputStream(content); }
        @Override public Map<String, String> annotations() { return annotations; }
        @Override public void annotate(String key, String value) { annotations.put(key, value); }
        @Override public void addHeader(String name, String value) { headers.put(name, value); }
        @Override public void setHeader(String name, String value) { headers.put(name, value); }
        @Override public String header(String name) { return headers.get(name); }

        @Override
        public void replaceContent(org.gatehouse.api.ContentWriter writer) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            writer.writeTo(out);
            content = out.toByteArray();
            headers.clear();
        }
    }

    private final VerdictActions actions = new VerdictActions("quarantine", "deliver", "drop", "virus");

    @Test
    void infectedIsQuarantinedWithHeaders() throws Exception {
        Message m = new Message(Fixtures.mailWithAttachment("e.com", EicarTail.eicar()));
        StageResult r = new AntivirusStage(antivirus(false), actions, true).process(m);
        assertEquals(Verdict.QUARANTINE, r.verdict());
        assertEquals("virus", r.quarantine());
        assertEquals("infected", m.headers.get(AntivirusStage.HEADER_VERDICT));
        assertEquals("Eicar-Test-Signature", m.headers.get(AntivirusStage.HEADER_NAME));
        assertEquals("Eicar-Test-Signature", m.annotations.get("antivirus.signature"));
    }

    @Test
    void cleanContinuesAndEncryptedIsDeliveredAndUnscannableDropped() throws Exception {
        Message clean = new Message(Fixtures.mailWithAttachment("a.txt", "hi".getBytes()));
        assertEquals(Verdict.CONTINUE, new AntivirusStage(antivirus(false), actions, false).process(clean).verdict());
        assertEquals(Map.of(), clean.headers);
        Message locked = new Message(Fixtures.mailWithAttachment("a.zip", Fixtures.resource("zip-password.zip")));
        assertEquals(Verdict.CONTINUE, new AntivirusStage(antivirus(false), actions, true).process(locked).verdict());
        assertEquals("encrypted", locked.headers.get(AntivirusStage.HEADER_VERDICT));
        byte[] deep = "x".getBytes();
        for (int i = 0; i < 30; i++) {
            deep = Fixtures.zip("z" + i + ".zip", deep);
        }
        Message bomb = new Message(Fixtures.mailWithAttachment("deep.zip", deep));
        assertEquals(Verdict.DROP, new AntivirusStage(antivirus(false), actions, true).process(bomb).verdict());
    }

    @Test
    void verdictsTagTheSubjectOnce() throws Exception {
        VerdictActions tagging = new VerdictActions("deliver", "deliver", "drop", "virus", "[VIRUS]", "[ENCRYPTED]", "");
        Message m = new Message(Fixtures.mailWithAttachment("e.com", EicarTail.eicar()));
        m.headers.put("Subject", "invoice");
        assertEquals(Verdict.CONTINUE, new AntivirusStage(antivirus(false), tagging, true).process(m).verdict());
        assertEquals("[VIRUS] invoice", m.headers.get("Subject"));
        new AntivirusStage(antivirus(false), tagging, true).process(m);
        assertEquals("[VIRUS] invoice", m.headers.get("Subject"), "scanned again, tagged once");
        Message clean = new Message(Fixtures.mailWithAttachment("a.txt", "hi".getBytes()));
        new AntivirusStage(antivirus(false), tagging, true).process(clean);
        assertEquals(null, clean.headers.get("Subject"));
        assertEquals(null, tagging.subjectFor(ScanVerdict.UNSCANNABLE, "x"), "no prefix configured");
        assertEquals("[ENCRYPTED]", tagging.subjectFor(ScanVerdict.ENCRYPTED, null));
    }

    @Test
    void engineDownThrowsSoTheMessageWaits() {
        Message m = new Message(Fixtures.mailWithAttachment("a.txt", "hi".getBytes()));
        assertThrows(IOException.class, () -> new AntivirusStage(antivirus(true), actions, true).process(m));
    }

    @Test
    void unknownActionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VerdictActions("rewrite", "deliver", "drop", "virus"));
    }
}
