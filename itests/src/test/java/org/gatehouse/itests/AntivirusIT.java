package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.itests.support.AttachmentMessage;
import org.gatehouse.itests.support.AttachmentMessage.Encoding;
import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.EicarTail;
import org.gatehouse.itests.support.ReceivedMail;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestClamd;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.junit.Before;
import org.junit.Test;

/**
 * Anti-virus over SMTP, licensed by a key of its own (not in this container's evaluation, and
 * LicensedStageIT's key has expired by now): EICAR however a mail client wraps it is accepted,
 * held in the {@code virus} quarantine and never delivered, and the mail log names the signature;
 * clean mail passes with its verdict header. Then the clamd adapter against a real clamd with a
 * database of our own: it finds what the embedded engine does not know; while it is down mail is
 * accepted and waits in the queue (never passed unscanned), and goes on once it is back.
 *
 * <p>The key stays installed (antivirus licensed until 2099, embedded engine, as shipped): the
 * classes after this one see mail scanned and delivered with a clean verdict, as a customer would.
 */
public class AntivirusIT extends StageTestSupport {

    private static final String PID = "org.gatehouse.antivirus";
    private static final String FROM = "alice@sender.test";
    private static final String TO = "bob@example.com";
    private static final String EICAR = "Eicar-Test-Signature";
    /** clamd.address as etc/org.gatehouse.antivirus.cfg ships it. */
    private static final String SHIPPED_CLAMD_ADDRESS = "127.0.0.1:3310";

    @Before
    public void awaitLicensedAntivirus() throws Exception {
        licenseAntivirus();
    }

    @Test
    public void eicarIsHeldHoweverItIsWrappedAndCleanMailPasses() throws Exception {
        byte[] eicar = EicarTail.eicar().getBytes(StandardCharsets.US_ASCII);
        byte[] zipInZip = zip("invoice.zip", zip("eicar.com", eicar));
        Map<String, Long> infected = new LinkedHashMap<>();
        String base64 = TestMessage.marker();
        infected.put("base64", queuedMid(accepted(sendEicar(publicPort(), FROM, TO, base64))));
        String quotedPrintable = TestMessage.marker();
        infected.put("quoted-printable", queuedMid(accepted(send(AttachmentMessage.with(FROM, TO, quotedPrintable,
                "readme.txt", "text/plain", eicar, Encoding.QUOTED_PRINTABLE)))));
        String nested = TestMessage.marker();
        infected.put("zip in a zip", queuedMid(accepted(send(AttachmentMessage.with(FROM, TO, nested,
                "statement.zip", "application/zip", zipInZip, Encoding.BASE64)))));
        String clean = TestMessage.marker();
        accepted(sendMail(publicPort(), FROM, TO, clean));

        within(30).until(() -> !sink.receivedWith(clean).isEmpty());
        String delivered = sink.receivedWith(clean).get(0).content();
        assertTrue(delivered, delivered.contains("X-Gatehouse-Virus-Verdict: clean"));
        assertTrue(delivered, delivered.contains("X-Gatehouse-Virus-Engine: embedded"));

        for (Map.Entry<String, Long> entry : infected.entrySet()) {
            long mid = entry.getValue();
            within(30).until(() -> mailLog().contains("MID " + mid + " held by antivirus: quarantine virus"));
            String log = mailLogOf(mid);
            assertTrue(entry.getKey() + ": the log names the signature\n" + log,
                    log.contains("MID " + mid + " antivirus positive " + EICAR));
            String row = queueRow(mid);
            assertTrue(entry.getKey() + " is held in the queue: " + row, row.endsWith("held"));
        }
        assertTrue("the log says where in the nested archive: " + mailLogOf(infected.get("zip in a zip")),
                mailLogOf(infected.get("zip in a zip")).contains("statement.zip/invoice.zip/eicar.com"));
        // Held is final until an admin acts: none of them can still be on its way to the sink.
        for (String marker : List.of(base64, quotedPrintable, nested)) {
            assertTrue("infected message " + marker + " reached the sink", sink.receivedWith(marker).isEmpty());
        }
    }

    @Test
    public void clamdFindsItsOwnSignaturesAndMailWaitsWhileItIsDown() throws Exception {
        Path dir = Files.createTempDirectory("gatehouse-it-clamd");
        // Closed in reverse order: the shipped engine is back (the suite goes on after this
        // class) before clamd stops; a failure to restore is added to the test's own, not lost.
        try (TestClamd clamd = TestClamd.start(dir, TestPorts.freePort());
                AutoCloseable shipped = () -> switchEngine("embedded", SHIPPED_CLAMD_ADDRESS)) {
            // The embedded engine does not know clamd's custom signature: such mail passes.
            String unknownToEmbedded = TestMessage.marker();
            accepted(send(customSignatureMessage(unknownToEmbedded)));
            within(30).until(() -> !sink.receivedWith(unknownToEmbedded).isEmpty());
            assertTrue(sink.receivedWith(unknownToEmbedded).get(0).content().contains("X-Gatehouse-Virus-Verdict: clean"));

            switchEngine("clamd", clamd.address());
            String custom = TestMessage.marker();
            assertHeldByClamd(queuedMid(accepted(send(customSignatureMessage(custom)))), TestClamd.CUSTOM_SIGNATURE, clamd);
            String eicar = TestMessage.marker();
            assertHeldByClamd(queuedMid(accepted(sendEicar(publicPort(), FROM, TO, eicar))), TestClamd.EICAR_SIGNATURE, clamd);
            assertTrue(sink.receivedWith(custom).isEmpty() && sink.receivedWith(eicar).isEmpty());

            // clamd goes down: mail is still accepted, and waits for it (never passed unscanned).
            clamd.stop();
            String waiting = TestMessage.marker();
            long waitingMid = queuedMid(accepted(sendMail(publicPort(), FROM, TO, waiting)));
            within(30).until(() -> mailLog().contains("MID " + waitingMid + " antivirus error: "));
            String show = queueShow(waitingMid);
            assertTrue(show, show.contains("stage retry") && show.contains("clamd at " + clamd.address()));
            assertTrue(queueRow(waitingMid), queueRow(waitingMid).endsWith("stage retry"));
            within(10).during(Duration.ofSeconds(3)).until(() -> sink.receivedWith(waiting).isEmpty());

            // clamd is back: the message goes on (now, as the admin asks, rather than at its retry time).
            clamd.start();
            Console.Result now = console.run("gatehouse:queue-deliver-now " + waitingMid);
            assertEquals(now.output(), 0, now.exitCode());
            within(30).until(() -> !sink.receivedWith(waiting).isEmpty());
            List<ReceivedMail> arrived = sink.receivedWith(waiting);
            assertEquals("delivered once", 1, arrived.size());
            assertTrue(arrived.get(0).content(), arrived.get(0).content().contains("X-Gatehouse-Virus-Verdict: clean"));
            assertTrue(arrived.get(0).content(), arrived.get(0).content().contains("X-Gatehouse-Virus-Engine: clamd"));
        } finally {
            deleteTree(dir);
        }
    }

    /** Held in quarantine virus, scanned by clamd (header in the queue), its signature in the log. */
    private void assertHeldByClamd(long mid, String signature, TestClamd clamd) throws Exception {
        within(30).until(() -> mailLog().contains("MID " + mid + " held by antivirus: quarantine virus"));
        String show = queueShow(mid);
        assertTrue(show, show.contains("X-Gatehouse-Virus-Engine: clamd"));
        assertTrue(queueRow(mid), queueRow(mid).endsWith("held"));
        // clamd names the signatures of a database that is not ClamAV's own "<name>.UNOFFICIAL".
        assertTrue(mailLogOf(mid) + "\nclamd log:\n" + clamd.log(),
                mailLogOf(mid).contains("MID " + mid + " antivirus positive " + signature + ".UNOFFICIAL"));
    }

    /** A message whose attachment carries text only the test clamd's database calls a virus. */
    private static String customSignatureMessage(String marker) {
        byte[] file = ("Quarterly figures\r\n" + TestClamd.CUSTOM_TEXT + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return AttachmentMessage.with(FROM, TO, marker, "figures.txt", "text/plain", file, Encoding.BASE64);
    }

    /** As an admin does it: the console's config commands; then waits until the stage runs with it. */
    private void switchEngine(String engine, String clamdAddress) throws Exception {
        for (String command : List.of("config:property-set -p " + PID + " clamd.address " + clamdAddress,
                "config:property-set -p " + PID + " engine " + engine)) {
            Console.Result set = console.run(command);
            assertEquals(set.output(), 0, set.exitCode());
        }
        within(30).until(() -> stageRegisteredWith("antivirus", "(engine=" + engine + ")(clamd.address=" + clamdAddress + ")"));
        within(30).until(() -> stageRow("antivirus").matches(".*\\byes\\b.*\\bactive\\b.*"));
        String expected = "Engine: " + engine + ("clamd".equals(engine) ? " (ClamAV" : "");
        within(30).until(() -> console.run("gatehouse:antivirus-status").output().contains(expected));
    }

    private static SmtpReply send(String message) throws IOException {
        return send("127.0.0.1", FROM, TO, message);
    }
}

