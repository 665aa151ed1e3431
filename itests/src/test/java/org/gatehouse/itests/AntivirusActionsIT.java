package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.gatehouse.itests.support.AttachmentMessage;
import org.gatehouse.itests.support.AttachmentMessage.Encoding;
import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.EicarTail;
import org.gatehouse.itests.support.ReceivedMail;
import org.gatehouse.itests.support.SmtpClient;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestClamd;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The anti-virus actions that rewrite a message, configured as an admin does it (the console's
 * config commands on {@code org.gatehouse.antivirus}): strip cuts the infected attachment out and
 * delivers the rest (verdict repaired), with a notification to the admin that passes the pipeline
 * like any mail; notice delivers an encrypted or unscannable message as an attachment to a new
 * message that explains why; a mail flow policy picks the clamd engine for its senders. Each test
 * puts the shipped settings back.
 */
public class AntivirusActionsIT extends StageTestSupport {

    private static final String PID = "org.gatehouse.antivirus";
    private static final String FROM = "alice@sender.test";
    private static final String TO = "bob@example.com";
    private static final String ADMIN = "virus-admin@example.com";
    private static final String EICAR = "Eicar-Test-Signature";
    /** clamd.address as etc/org.gatehouse.antivirus.cfg ships it. */
    private static final String SHIPPED_CLAMD_ADDRESS = "127.0.0.1:3310";
    /** A loopback address no other test uses, in the sender group whose policy picks clamd. */
    private static final String CLAMD_SENDER = "127.0.0.41";

    @Before
    public void awaitLicensedAntivirus() throws Exception {
        licenseAntivirus();
    }

    /** The shipped actions and no notifications, for the classes after this one. */
    @After
    public void shippedSettings() throws Exception {
        if (console == null) {
            return;
        }
        configure(Map.of("action.infected", "quarantine", "action.encrypted", "deliver", "action.unscannable", "quarantine"),
                List.of("notify.admin"));
        awaitStage("(action.infected=quarantine)(action.encrypted=deliver)(action.unscannable=quarantine)"
                + "(!(notify.admin=" + ADMIN + "))");
    }

    @Test
    public void stripRemovesTheInfectedZipKeepsTheTextAndTellsTheAdmin() throws Exception {
        configure(Map.of("action.infected", "strip", "notify.admin", ADMIN), List.of());
        awaitStage("(action.infected=strip)(notify.admin=" + ADMIN + ")");
        String antivirusStatus = console.run("gatehouse:antivirus-status").output();
        assertTrue(antivirusStatus, antivirusStatus.matches("(?s).*action\\.infected\\s*\\|\\s*strip.*")
                && antivirusStatus.contains(ADMIN));

        String marker = TestMessage.marker();
        byte[] zip = zip("eicar.com", EicarTail.eicar().getBytes(StandardCharsets.US_ASCII));
        long mid = queuedMid(accepted(send(AttachmentMessage.with(FROM, TO, marker, "invoice.zip", "application/zip", zip,
                Encoding.BASE64))));

        within(30).until(() -> to(TO, marker) != null && to(ADMIN, marker) != null);
        String delivered = to(TO, marker).content();
        assertSubject(delivered, "[WARNING: VIRUS REMOVED] ", "test " + marker);
        assertTrue("the text part is intact:\n" + delivered, delivered.contains("--=_part_" + marker + "\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nPlease find invoice.zip attached. marker " + marker + "\r\n"));
        assertTrue(delivered, delivered.contains("The attachment \"invoice.zip\" was removed from this message"));
        assertTrue(delivered, delivered.contains("it contained the virus " + EICAR));
        assertTrue(delivered, delivered.contains("X-Gatehouse-Virus-Verdict: repaired"));
        assertTrue(delivered, delivered.contains("--=_part_" + marker + "--"));
        assertFalse("the zip is gone", delivered.contains(Base64.getMimeEncoder().encodeToString(zip).substring(0, 40)));
        String log = mailLogOf(mid);
        assertTrue(log, log.contains("MID " + mid + " antivirus repaired " + EICAR + " (part 2 \"invoice.zip\" removed)"));

        ReceivedMail notification = to(ADMIN, marker);
        assertEquals("from the null sender", "", notification.mailFrom());
        assertEquals(List.of(ADMIN), notification.recipients());
        String text = notification.content();
        assertTrue(text, text.contains("MID:        " + mid) && text.contains("Verdict:    infected")
                && text.contains("Virus:      " + EICAR) && text.contains("Sender:     <" + FROM + ">"));
        assertFalse("no virus in the notification", text.contains(Base64.getMimeEncoder().encodeToString(zip).substring(0, 40)));
        // It went through the pipeline like any other mail: scanned itself, with a MID of its own.
        assertTrue(text, text.contains("X-Gatehouse-Virus-Verdict: clean"));
        assertTrue(log, log.matches("(?s).*MID " + mid + " antivirus notification MID \\d+ to " + ADMIN + ".*"));
    }

    @Test
    public void encryptedAndUnscannableMailComeAsAttachmentsToANotice() throws Exception {
        configure(Map.of("action.encrypted", "notice", "action.unscannable", "notice"), List.of());
        awaitStage("(action.encrypted=notice)(action.unscannable=notice)");

        String locked = TestMessage.marker();
        String lockedMessage = AttachmentMessage.with(FROM, TO, locked, "secret.zip", "application/zip",
                passwordZip(), Encoding.BASE64);
        accepted(send(lockedMessage));
        String deep = TestMessage.marker();
        byte[] nested = "x".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 30; i++) {
            nested = zip("layer" + i + ".zip", nested);
        }
        accepted(send(AttachmentMessage.with(FROM, TO, deep, "deep.zip", "application/zip", nested, Encoding.BASE64)));

        within(30).until(() -> to(TO, locked) != null && to(TO, deep) != null);
        String notice = to(TO, locked).content();
        assertSubject(notice, "[WARNING: MESSAGE ENCRYPTED] ", "test " + locked);
        assertTrue(notice, notice.contains("From: Mail Gateway <MAILER-DAEMON@"));
        assertTrue(notice, notice.contains("To: <" + TO + ">"));
        assertTrue(notice, notice.contains("password-protected content"));
        assertTrue(notice, notice.contains("Content-Type: message/rfc822"));
        assertTrue("the original is attached as it was sent:\n" + notice, notice.contains(lockedMessage.substring(
                lockedMessage.indexOf("MIME-Version:"))));
        assertTrue(notice, notice.contains("X-Gatehouse-Virus-Verdict: encrypted"));

        String unscannable = to(TO, deep).content();
        assertSubject(unscannable, "[WARNING: A/V UNSCANNABLE] ", "test " + deep);
        assertTrue(unscannable, unscannable.contains("could not be scanned for viruses"));
        assertTrue(unscannable, unscannable.contains("Content-Type: message/rfc822"));
    }

    /**
     * A mail flow policy's {@code antivirus.engine}: hosts in its sender group are scanned by
     * clamd while everyone else keeps the configured embedded engine (both are there at once,
     * since clamd has an address). The same message, which only the test clamd's database calls a
     * virus, is held from one host and delivered clean from the other.
     */
    @Test
    public void aPolicyPicksClamdForItsSendersWhileOthersKeepTheEmbeddedEngine() throws Exception {
        Path dir = Files.createTempDirectory("gatehouse-it-clamd-policy");
        try (TestClamd clamd = TestClamd.start(dir, TestPorts.freePort());
                AutoCloseable shipped = this::shippedHatAndClamd) {
            configure(Map.of("clamd.address", clamd.address()), List.of());
            awaitStage("(engine=embedded)(clamd.address=" + clamd.address() + ")");
            admin("gatehouse:policy-add public AV_CLAMD ACCEPT");
            admin("gatehouse:policy-set public AV_CLAMD antivirus.engine clamd");
            admin("gatehouse:hat-group-add --comment ClamdScanned public AV_CLAMD_SENDERS AV_CLAMD");
            admin("gatehouse:hat-group-move --top public AV_CLAMD_SENDERS");
            admin("gatehouse:hat-entry-add public AV_CLAMD_SENDERS " + CLAMD_SENDER);
            within(30).ignoreExceptions().until(() -> console.run("gatehouse:hat-test --listener public " + CLAMD_SENDER)
                    .output().matches("(?s).*Sender group:\\s+AV_CLAMD_SENDERS\\b.*"));
            String status = console.run("gatehouse:antivirus-status").output();
            assertTrue(status, status.contains("Engines: embedded, clamd"));

            String byPolicy = TestMessage.marker();
            long held = queuedMid(accepted(sendFrom(CLAMD_SENDER, customSignatureMessage(byPolicy))));
            String byDefault = TestMessage.marker();
            accepted(sendFrom("127.0.0.1", customSignatureMessage(byDefault)));

            within(30).until(() -> mailLog().contains("MID " + held + " held by antivirus: quarantine virus"));
            String log = mailLogOf(held);
            assertTrue(log + "\nclamd log:\n" + clamd.log(), log.contains("MID " + held + " antivirus positive "
                    + TestClamd.CUSTOM_SIGNATURE + ".UNOFFICIAL engine clamd"));
            within(30).until(() -> to(TO, byDefault) != null);
            String delivered = to(TO, byDefault).content();
            assertTrue(delivered, delivered.contains("X-Gatehouse-Virus-Verdict: clean"));
            assertTrue(delivered, delivered.contains("X-Gatehouse-Virus-Engine: embedded"));
            assertTrue(sink.receivedWith(byPolicy).isEmpty());
        } finally {
            deleteTree(dir);
        }
    }

    /** The HAT without the test's group and policy, clamd.address as shipped. */
    private void shippedHatAndClamd() throws Exception {
        admin("gatehouse:hat-group-delete public AV_CLAMD_SENDERS");
        admin("gatehouse:policy-delete public AV_CLAMD");
        configure(Map.of("clamd.address", SHIPPED_CLAMD_ADDRESS), List.of());
        awaitStage("(clamd.address=" + SHIPPED_CLAMD_ADDRESS + ")");
    }

    private String admin(String command) throws Exception {
        Console.Result result = console.run(command);
        assertEquals(command + ": " + result.output(), 0, result.exitCode());
        assertFalse(command + ": " + result.output(), result.output().contains("Error"));
        return result.output();
    }

    /** A message whose attachment carries text only the test clamd's database calls a virus. */
    private static String customSignatureMessage(String marker) {
        byte[] file = ("Quarterly figures\r\n" + TestClamd.CUSTOM_TEXT + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return AttachmentMessage.with(FROM, TO, marker, "figures.txt", "text/plain", file, Encoding.BASE64);
    }

    private static SmtpReply sendFrom(String sourceAddress, String message) throws IOException {
        try (SmtpClient client = SmtpClient.connectFrom(sourceAddress, publicPort())) {
            SmtpReply reply = client.sendMail(FROM, List.of(TO), message);
            client.command("QUIT");
            return reply;
        }
    }

    /** The one message at the sink for that recipient carrying the marker, or null. */
    private ReceivedMail to(String recipient, String marker) {
        return sink.receivedWith(marker).stream().filter(m -> m.recipients().contains(recipient)).findFirst().orElse(null);
    }

    /**
     * Sets and deletes keys of the anti-virus configuration in one Config Admin update, as an
     * admin's config:edit session does: one property-set after another would be as many
     * updates, and an earlier one written to etc/ can come back after a later one.
     */
    private void configure(Map<String, String> set, List<String> delete) throws Exception {
        StringBuilder script = new StringBuilder("config:edit " + PID);
        set.forEach((key, value) -> script.append("; config:property-set ").append(key).append(' ').append(value));
        delete.forEach(key -> script.append("; config:property-delete ").append(key));
        script.append("; config:update");
        Console.Result result = console.run(script.toString());
        assertEquals(script + ": " + result.output(), 0, result.exitCode());
        assertFalse(script + ": " + result.output(), result.output().contains("Error"));
    }

    private void awaitStage(String properties) throws Exception {
        within(30).alias("antivirus stage registered with " + properties).until(() -> stageRegisteredWith("antivirus", properties));
        within(30).alias("antivirus stage active").until(() -> stageRow("antivirus").matches(".*\\byes\\b.*\\bactive\\b.*"));
    }

    /**
     * The message's own Subject (its first): the verdict's prefix first, the sender's subject
     * last (anti-spam, which runs before, may have tagged it too).
     */
    private static void assertSubject(String content, String prefix, String subject) {
        String field = content.lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElse("(no Subject)");
        assertTrue(field + "\n" + content, field.startsWith("Subject: " + prefix) && field.endsWith(subject));
    }

    private static SmtpReply send(String message) throws IOException {
        return send("127.0.0.1", FROM, TO, message);
    }

    /**
     * A zip whose member is marked password-protected (general purpose bit 0, in its local and
     * central headers), as a mail client's "encrypt with password" leaves it: java.util.zip
     * cannot encrypt, and a scanner decides by the flag before it reads a byte of the member.
     */
    private static byte[] passwordZip() throws IOException {
        byte[] zip = zip("salaries.xlsx", "not really a spreadsheet".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i + 4 <= zip.length; i++) {
            int signature = (zip[i] & 0xff) | (zip[i + 1] & 0xff) << 8 | (zip[i + 2] & 0xff) << 16 | (zip[i + 3] & 0xff) << 24;
            if (signature == 0x04034b50) {
                zip[i + 6] |= 1; // local file header: flags at offset 6
            } else if (signature == 0x02014b50) {
                zip[i + 8] |= 1; // central directory header: flags at offset 8
            }
        }
        return zip;
    }
}
