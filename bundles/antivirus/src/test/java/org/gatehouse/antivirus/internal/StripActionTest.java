package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.StageResult;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.Test;

/** The strip action: infected leaf parts replaced by a note, everything else byte for byte. */
class StripActionTest {

    private static final String TEXT_PART = "--XYZ\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\nHello, the figures are attached.\r\nGr\u00fc\u00dfe\r\n";
    private static final String OTHER_PART = "--XYZ\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n"
            + "Content-Disposition: attachment;\r\n\tfilename=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n";

    private final List<MailEvent> log = new ArrayList<>();

    private final VerdictActions strip = VerdictActions.builder().infected("strip").unrepairable("quarantine")
            .prefix(ScanVerdict.REPAIRED, "[WARNING: VIRUS REMOVED]").prefix(ScanVerdict.INFECTED, "[WARNING: VIRUS DETECTED]")
            .build();

    private AntivirusStage stage(VerdictActions actions) {
        AntivirusStage stage = new AntivirusStage(AntivirusStageTest.antivirus(false), actions, true);
        stage.mailLog = new MailLog() {
            @Override
            public void info(MailEvent event) {
                log.add(event);
            }

            @Override
            public void warning(MailEvent event) {
                log.add(event);
            }
        };
        return stage;
    }

    private static String attachment(String boundary, String name, byte[] file) {
        return "--" + boundary + "\r\nContent-Type: application/zip; name=\"" + name + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(file) + "\r\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stripReplacesTheInfectedPartAndKeepsEveryOtherOctet() throws Exception {
        String head = "From: a@example.org\r\nTo: b@example.com\r\nSubject: figures\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\nThis is a multi-part message.\r\n";
        String infected = attachment("XYZ", "a.zip", Fixtures.zip("eicar.com", EicarTail.eicar()));
        String before = head + TEXT_PART;
        String after = OTHER_PART + "--XYZ--\r\nepilogue\r\n";
        InMemoryMessage m = new InMemoryMessage(bytes(before + infected + after));

        StageResult r = stage(strip).process(m);

        assertEquals(Verdict.CONTINUE, r.verdict());
        assertEquals(1, m.replacements);
        byte[] out = m.spooled();
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(before + "--XYZ\r\n"), "everything before the part is as it was");
        assertTrue(text.endsWith("\r\n" + after), "everything after it too:\n" + text);
        assertArrayEquals(Arrays.copyOf(bytes(before), bytes(before).length), Arrays.copyOf(out, bytes(before).length));
        String note = text.substring(before.length(), text.length() - after.length());
        assertTrue(note.contains("Content-Type: text/plain"), note);
        assertTrue(note.contains("\"a.zip\" was removed") && note.contains("Eicar-Test-Signature"), note);
        assertFalse(text.contains(Base64.getMimeEncoder().encodeToString(Fixtures.zip("eicar.com", EicarTail.eicar()))
                .substring(0, 40)), "the zip is gone");
        assertEquals(ScanVerdict.CLEAN, Fixtures.scan(out).verdict(), "the repaired message scans clean");

        assertEquals("repaired", m.headers.get(AntivirusStage.HEADER_VERDICT));
        assertEquals("Eicar-Test-Signature", m.headers.get(AntivirusStage.HEADER_NAME));
        assertEquals("[WARNING: VIRUS REMOVED] figures", m.header("Subject"));
        assertEquals("repaired", m.annotations.get("antivirus.verdict"));
        assertEquals("MID 6 antivirus repaired Eicar-Test-Signature (part 2 \"a.zip\" removed) engine embedded",
                log.get(0).text());
        assertEquals(List.of("text/plain", "text/plain", "application/pdf"), leafTypes(out), "structure kept");
    }

    @Test
    void nestedMultipartsAreFollowedAndEveryInfectedPartGoes() throws Exception {
        String msg = "From: a@example.org\r\nSubject: nested\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"OUTER\"\r\n\r\n"
                + "--OUTER\r\nContent-Type: multipart/alternative; boundary=\"ALT\"\r\n\r\n"
                + "--ALT\r\nContent-Type: text/plain\r\n\r\nplain text\r\n"
                + "--ALT\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--ALT--\r\n"
                + "--OUTER\r\nContent-Type: multipart/mixed;\r\n boundary=INNER\r\n\r\n"
                + attachment("INNER", "first.zip", Fixtures.zip("e.com", EicarTail.eicar()))
                + "--INNER\r\nContent-Type: text/plain; name=\"notes.txt\"\r\n\r\nkeep me\r\n"
                + attachment("INNER", "second.bin", Fixtures.marked("some bytes "))
                + "--INNER--\r\n"
                + "--OUTER--\r\n";
        InMemoryMessage m = new InMemoryMessage(bytes(msg));

        assertEquals(Verdict.CONTINUE, stage(strip).process(m).verdict());

        String text = new String(m.spooled(), StandardCharsets.UTF_8);
        assertEquals(List.of("text/plain", "text/html", "text/plain", "text/plain", "text/plain"), leafTypes(m.spooled()));
        assertTrue(text.contains("--ALT\r\nContent-Type: text/plain\r\n\r\nplain text\r\n--ALT\r\nContent-Type: text/html"
                + "\r\n\r\n<p>html</p>\r\n--ALT--\r\n"), text);
        assertTrue(text.contains("--INNER\r\nContent-Type: text/plain; name=\"notes.txt\"\r\n\r\nkeep me\r\n--INNER\r\n"), text);
        assertTrue(text.contains("\"first.zip\" was removed") && text.contains("Eicar-Test-Signature"), text);
        assertTrue(text.contains("\"second.bin\" was removed") && text.contains(Fixtures.MARKER_SIGNATURE), text);
        assertEquals(ScanVerdict.CLEAN, Fixtures.scan(m.spooled()).verdict());
        assertEquals("MID 6 antivirus repaired Eicar-Test-Signature (part 3 \"first.zip\", part 5 \"second.bin\" removed)"
                + " engine embedded", log.get(0).text());
    }

    @Test
    void aSinglePartMessageCannotBeRepairedAndGetsTheUnrepairableAction() throws Exception {
        byte[] single = bytes("From: a@example.org\r\nSubject: plain\r\n\r\nhere it is: "
                + new String(EicarTail.eicar(), StandardCharsets.US_ASCII) + "\r\n");
        InMemoryMessage held = new InMemoryMessage(single);
        StageResult r = stage(strip).process(held);
        assertEquals(Verdict.QUARANTINE, r.verdict(), "the shipped action.unrepairable");
        assertEquals(0, held.replacements);
        assertArrayEquals(single, held.spooled());
        assertEquals("infected", held.headers.get(AntivirusStage.HEADER_VERDICT));
        assertEquals("[WARNING: VIRUS DETECTED] plain", held.header("Subject"));
        assertTrue(log.get(0).text().startsWith("MID 6 antivirus positive Eicar-Test-Signature (not repairable: "
                + "single-part message; quarantine)"), log.get(0).text());

        VerdictActions dropping = VerdictActions.builder().infected("strip").unrepairable("drop").build();
        assertEquals(Verdict.DROP, stage(dropping).process(new InMemoryMessage(single)).verdict());
    }

    @Test
    void aVirusOutsideEveryPartCannotBeRepaired() throws Exception {
        // In the preamble, where no part holds it: cutting parts out cannot remove it.
        byte[] preamble = bytes("From: a@example.org\r\nSubject: odd\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n"
                + new String(EicarTail.eicar(), StandardCharsets.US_ASCII) + "\r\n" + TEXT_PART + "--XYZ--\r\n");
        InMemoryMessage m = new InMemoryMessage(preamble);
        assertEquals(Verdict.QUARANTINE, stage(strip).process(m).verdict());
        assertEquals(0, m.replacements);
        assertTrue(log.get(0).text().contains("not repairable: "), log.get(0).text());
    }

    @Test
    void theLayoutFindsLeavesInATruncatedMessage() {
        byte[] truncated = bytes("Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\none\r\n"
                + "--B\r\nContent-Type: application/zip; name=x.zip\r\n\r\nPK...");
        MimeLayout layout = MimeLayout.of(truncated, 16);
        assertEquals(2, layout.leaves().size());
        MimeLayout.Part last = layout.leaves().get(1);
        assertEquals("x.zip", last.fileName());
        assertEquals(truncated.length, last.end());
        assertFalse(MimeLayout.of(bytes("Subject: x\r\n\r\nbody\r\n"), 16).multipart());
        // An inner boundary that starts like the outer one is not the outer's delimiter.
        MimeLayout nested = MimeLayout.of(bytes("Content-Type: multipart/mixed; boundary=A\r\n\r\n--A\r\n"
                + "Content-Type: multipart/mixed; boundary=AB\r\n\r\n--AB\r\n\r\none\r\n--AB \r\n\r\ntwo\r\n--AB--\r\n"
                + "--A\r\n\r\nthree\r\n--A--\r\n"), 16);
        assertEquals(3, nested.leaves().size());
    }

    /** The Content-Types of the leaf parts, as Mime4j reads them. */
    static List<String> leafTypes(byte[] message) throws Exception {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(new ByteArrayInputStream(message));
        List<String> types = new ArrayList<>();
        for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
            if (s == EntityState.T_BODY) {
                types.add(stream.getBodyDescriptor().getMimeType());
            }
        }
        return types;
    }
}
