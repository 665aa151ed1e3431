package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.Spool;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.Test;

/** Notifications: new messages through the spool, from the null sender, never carrying the virus. */
class NotificationsTest {

    /** A notification as the spool took it. */
    private record Queued(long mid, Envelope envelope, Connection connection, String content) {
    }

    /** A spool that keeps what is committed to it. */
    private static final class MemorySpool implements Spool {
        final List<Queued> committed = new ArrayList<>();
        private long next = 100;

        @Override
        public long allocateMid() {
            return next++;
        }

        @Override
        public IncomingMessage receive(long mid, Envelope envelope, Connection connection) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            return new IncomingMessage() {
                @Override public long mid() { return mid; }
                @Override public void write(ByteBuffer b) {
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    content.writeBytes(bytes);
                }
                @Override public long size() { return content.size(); }
                @Override public CompletionStage<Void> commit() {
                    committed.add(new Queued(mid, envelope, connection, content.toString(StandardCharsets.US_ASCII)));
                    return CompletableFuture.completedFuture(null);
                }
                @Override public void abort() { }
            };
        }
    }

    private final MemorySpool spool = new MemorySpool();
    private final List<String> log = new ArrayList<>();

    private AntivirusStage stage(VerdictActions actions, VirusNotifications.Settings settings, Spool target) {
        VirusNotifications notifications = new VirusNotifications(settings, () -> target, Clock.systemUTC());
        AntivirusStage stage = new AntivirusStage(AntivirusStageTest.antivirus(false), actions, true,
                new ContentRewrites(new PartStripper(16), new VirusNotice("MAILER-DAEMON@gw.example", "gw.example",
                        Clock.systemUTC())), notifications);
        stage.mailLog = new MailLog() {
            @Override public void info(MailEvent e) { log.add(e.text()); }
            @Override public void warning(MailEvent e) { log.add(e.text()); }
        };
        return stage;
    }

    private static VirusNotifications.Settings settings(String admin, boolean sender, boolean recipients, Set<String> verdicts) {
        return new VirusNotifications.Settings(admin, sender, recipients, verdicts, "MAILER-DAEMON@gw.example", "gw.example");
    }

    private static InMemoryMessage infected() {
        return new InMemoryMessage(Fixtures.mailWithAttachment("a.zip", zipped()), new Envelope("alice@sender.test",
                List.of(new Recipient(0, "bob@example.com"), new Recipient(1, "carol@example.com")), false, "7BIT"), null);
    }

    private static byte[] zipped() {
        try {
            return Fixtures.zip("eicar.com", EicarTail.eicar());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void adminSenderAndRecipientsAreToldWithoutTheVirus() throws Exception {
        VerdictActions strip = VerdictActions.builder().infected("strip").build();
        InMemoryMessage m = infected();
        assertEquals(Verdict.CONTINUE, stage(strip, settings("admin@example.com", true, true, Set.of("infected")), spool)
                .process(m).verdict());

        assertEquals(3, spool.committed.size());
        Queued admin = spool.committed.get(0);
        assertEquals("", admin.envelope().mailFrom(), "from the null sender: nothing bounces back, nothing loops");
        assertEquals(List.of(new Recipient(0, "admin@example.com")), admin.envelope().recipients());
        assertEquals(Set.of(), admin.connection().skippedStages(), "it passes every stage like any other mail");
        String text = admin.content();
        for (String fact : List.of("MID:        6", "Verdict:    infected", "Virus:      Eicar-Test-Signature",
                "Sender:     <alice@sender.test>", "Recipients: <bob@example.com>, <carol@example.com>", "Subject:    test\r\n",
                "repaired (part 2 \"a.zip\" removed)", "Auto-Submitted: auto-generated", "To: <admin@example.com>")) {
            assertTrue(text.contains(fact), fact + " in\n" + text);
        }
        for (Queued q : spool.committed) {
            assertFalse(q.content().contains("EICAR"), "no virus in a notification");
            assertFalse(q.content().contains(Base64.getMimeEncoder().encodeToString(zipped()).substring(0, 30)));
            assertEquals(ScanVerdict.CLEAN, Fixtures.scan(q.content().getBytes(StandardCharsets.US_ASCII)).verdict());
        }
        assertEquals(List.of(new Recipient(0, "alice@sender.test")), spool.committed.get(1).envelope().recipients());
        Queued toRecipients = spool.committed.get(2);
        assertEquals(List.of(new Recipient(0, "bob@example.com"), new Recipient(1, "carol@example.com")),
                toRecipients.envelope().recipients());
        assertFalse(toRecipients.content().contains("Recipients:"), "recipients are not shown each other (Bcc)");
        assertTrue(log.contains("MID 6 antivirus notification MID 100 to admin@example.com"), log.toString());
        assertTrue(log.contains("MID 6 antivirus notification MID 102 to bob@example.com, carol@example.com"), log.toString());
    }

    @Test
    void onlyTheVerdictsAskedForNotifyAndNotTheNullSender() throws Exception {
        VerdictActions actions = VerdictActions.builder().build();
        VirusNotifications.Settings unscannableOnly = settings("admin@example.com", true, false, Set.of("unscannable"));
        stage(actions, unscannableOnly, spool).process(infected());
        assertEquals(0, spool.committed.size(), "infected is not in notify.verdicts");
        stage(actions, unscannableOnly, spool).process(new InMemoryMessage(Fixtures.mailWithAttachment("a.txt", "hi".getBytes())));
        assertEquals(0, spool.committed.size(), "clean mail never notifies");

        InMemoryMessage bounce = new InMemoryMessage(Fixtures.mailWithAttachment("e.com", EicarTail.eicar()),
                new Envelope("", List.of(new Recipient(0, "bob@example.com")), false, "7BIT"), null);
        stage(actions, settings("", true, false, Set.of("infected")), spool).process(bounce);
        assertEquals(0, spool.committed.size(), "the null sender is never notified");
    }

    @Test
    void aNotificationThatCannotBeQueuedIsLoggedAndTheMessageGoesOn() throws Exception {
        VerdictActions actions = VerdictActions.builder().build();
        Verdict v = stage(actions, settings("admin@example.com", false, false, Set.of("infected")), null)
                .process(infected()).verdict();
        assertEquals(Verdict.QUARANTINE, v);
        assertTrue(log.contains("MID 6 antivirus notification to admin@example.com not sent: no spool to queue it in"),
                log.toString());
    }

    @Test
    void notifyVerdictsAreChecked() {
        VirusNotifications.Settings s = VirusNotifications.Settings.from(TestConfig.antivirus(
                Map.of("notify.verdicts", " infected , encrypted", "notify.admin", " admin@example.com ")), "gw.example");
        assertEquals(Set.of("infected", "encrypted"), s.verdicts());
        assertEquals("admin@example.com", s.admin());
        assertEquals("MAILER-DAEMON@gw.example", s.from());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> VirusNotifications.Settings
                .from(TestConfig.antivirus(Map.of("notify.verdicts", "infected,spam")), "gw.example"));
    }
}
