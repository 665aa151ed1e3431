package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.Test;

/** The notice action: the message delivered as an attachment to a new message that explains the verdict. */
class NoticeActionTest {

    private static final String ORIGINAL_HEAD = "From: Alice <a@example.org>\r\nTo: Bob <b@example.com>,\r\n"
            + " Carol <c@example.com>\r\nCc: d@example.com\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
            + "Subject: contract\r\nMIME-Version: 1.0\r\n";

    private static AntivirusStage stage(VerdictActions actions) {
        ContentRewrites rewrites = new ContentRewrites(new PartStripper(16), new VirusNotice("MAILER-DAEMON@gw.example",
                "gw.example", Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC)));
        return new AntivirusStage(AntivirusStageTest.antivirus(false), actions, true, rewrites, null);
    }

    /** One entity of the notice as Mime4j reads it: its header fields and decoded body. */
    private record Entity(Map<String, String> fields, String mimeType, byte[] body) {
    }

    private static List<Entity> parse(byte[] message) throws Exception {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(new ByteArrayInputStream(message));
        List<Entity> entities = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
            if (s == EntityState.T_START_HEADER) {
                fields = new LinkedHashMap<>();
            } else if (s == EntityState.T_FIELD) {
                Field f = stream.getField();
                fields.put(f.getName(), f.getBody().replaceAll("\r\n", "").trim());
            } else if (s == EntityState.T_START_MULTIPART) {
                entities.add(new Entity(fields, stream.getBodyDescriptor().getMimeType(), new byte[0]));
            } else if (s == EntityState.T_BODY) {
                try (InputStream in = stream.getDecodedInputStream()) {
                    entities.add(new Entity(fields, stream.getBodyDescriptor().getMimeType(), in.readAllBytes()));
                }
            }
        }
        return entities;
    }

    @Test
    void encryptedMailComesAsAnAttachmentToANotice() throws Exception {
        byte[] zip = Fixtures.resource("zip-password.zip");
        byte[] original = (ORIGINAL_HEAD + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain\r\n\r\nthe password is in the next mail\r\n--b1\r\n"
                + "Content-Type: application/zip; name=\"secret.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(zip) + "\r\n--b1--\r\n").getBytes(StandardCharsets.US_ASCII);
        InMemoryMessage m = new InMemoryMessage(original);
        m.addHeader("X-Gatehouse-Spam-Verdict", "negative");
        byte[] asDelivered = m.openContent().readAllBytes();
        VerdictActions notice = VerdictActions.builder().encrypted("notice")
                .prefix(ScanVerdict.ENCRYPTED, "[WARNING: MESSAGE ENCRYPTED]").build();

        assertEquals(Verdict.CONTINUE, stage(notice).process(m).verdict());

        assertEquals(1, m.replacements);
        List<Entity> notice1 = parse(m.spooled());
        assertEquals(3, notice1.size(), "multipart, explanation, attached message");
        Map<String, String> top = notice1.get(0).fields();
        assertEquals("multipart/mixed", notice1.get(0).mimeType());
        assertEquals("Mail Gateway <MAILER-DAEMON@gw.example>", top.get("From"));
        assertEquals("Bob <b@example.com>, Carol <c@example.com>", top.get("To"));
        assertEquals("d@example.com", top.get("Cc"));
        assertEquals("Mon, 23 Nov 2026 10:00:00 +0000", top.get("Date"));
        assertEquals("[WARNING: MESSAGE ENCRYPTED] contract", top.get("Subject"));
        assertEquals("text/plain", notice1.get(1).mimeType());
        String explanation = new String(notice1.get(1).body(), StandardCharsets.US_ASCII);
        assertTrue(explanation.contains("password-protected") && explanation.contains("secret.zip"), explanation);
        assertEquals("message/rfc822", notice1.get(2).mimeType());
        assertArrayEquals(asDelivered, notice1.get(2).body(), "the original, as it was, with earlier stages' fields");
        assertEquals("negative", top.get("X-Gatehouse-Spam-Verdict"), "earlier verdicts stay on top too");
        // Headers and Subject after the rewrite: on top of the notice, the Subject not prefixed twice.
        assertEquals("encrypted", m.headers.get(AntivirusStage.HEADER_VERDICT));
        assertEquals("[WARNING: MESSAGE ENCRYPTED] contract", m.header("Subject"));
        assertEquals("delivered as an attachment to a notice", m.annotations.get("antivirus.action"));
    }

    @Test
    void unscannableMailComesAsANoticeToo() throws Exception {
        byte[] deep = "x".getBytes();
        for (int i = 0; i < 30; i++) {
            deep = Fixtures.zip("z" + i + ".zip", deep);
        }
        InMemoryMessage m = new InMemoryMessage(Fixtures.mailWithAttachment("deep.zip", deep));
        VerdictActions notice = VerdictActions.builder().unscannable("notice")
                .prefix(ScanVerdict.UNSCANNABLE, "[WARNING: A/V UNSCANNABLE]").build();
        assertEquals(Verdict.CONTINUE, stage(notice).process(m).verdict());
        List<Entity> parts = parse(m.spooled());
        assertEquals("[WARNING: A/V UNSCANNABLE] test", parts.get(0).fields().get("Subject"));
        assertTrue(new String(parts.get(1).body(), StandardCharsets.US_ASCII).contains("could not be scanned"));
        assertEquals("message/rfc822", parts.get(2).mimeType());
    }

    @Test
    void infectedMailAsANoticeOnlyWhenTheConfigurationAllowsIt() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> VerdictActions.builder().infected("notice").build());
        assertThrows(IllegalArgumentException.class, () -> VerdictActions.builder().infected("strip").unrepairable("notice").build());
        VerdictActions base = VerdictActions.builder().build();
        assertThrows(IllegalArgumentException.class, () -> base.forPolicy(k -> k.equals("action.infected") ? "notice" : null),
                "a policy cannot allow it either");

        VerdictActions allowed = VerdictActions.builder().infected("notice").noticeForInfected(true)
                .prefix(ScanVerdict.INFECTED, "[WARNING: VIRUS DETECTED]").build();
        InMemoryMessage m = new InMemoryMessage(Fixtures.mailWithAttachment("e.com", EicarTail.eicar()));
        assertEquals(Verdict.CONTINUE, stage(allowed).process(m).verdict());
        List<Entity> parts = parse(m.spooled());
        assertEquals("[WARNING: VIRUS DETECTED] test", parts.get(0).fields().get("Subject"));
        String explanation = new String(parts.get(1).body(), StandardCharsets.US_ASCII);
        assertTrue(explanation.contains("Eicar-Test-Signature") && explanation.contains("Do not open"), explanation);
        assertEquals("infected", m.headers.get(AntivirusStage.HEADER_VERDICT));
    }
}
