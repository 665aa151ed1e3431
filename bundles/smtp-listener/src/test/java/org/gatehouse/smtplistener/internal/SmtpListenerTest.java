package org.gatehouse.smtplistener.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.HostAccess;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.RecipientCheck;
import org.gatehouse.sockets.internal.SocketHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component built with new, its dynamic references swapped while a session is open. */
class SmtpListenerTest {

    /** DS's reason when the bundle stops (an update): ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED. */
    private static final int BUNDLE_STOPPED = 6;

    @TempDir
    Path dir;

    private final SocketHolder sockets = new SocketHolder(TimeUnit.SECONDS.toNanos(5));

    @AfterEach
    void closePorts() {
        sockets.closeAll();
    }

    private static HostAccess hat() {
        return new HostAccess() {
            @Override
            public HostDecision decide(String listener, String remoteIp) {
                throw new IllegalStateException("not used");
            }

            @Override
            public RecipientCheck checkRecipient(String listener, boolean publicListener, HostDecision host,
                                                 String address) {
                throw new IllegalStateException("not used");
            }
        };
    }

    @Test
    void referencesComeAndGoWithoutClosingTheSocket() throws Exception {
        SmtpListener listener = new SmtpListener(new ConnectionIds(0), sockets,
                TestConfig.settings(dir, "name", "inbound", "spool.wait.seconds", 0));
        listener.start();
        try {
            assertTrue(Files.exists(dir.resolve(ListenerSettings.GENERATED_KEYSTORE)), "certificate generated");
            try (SmtpClient c = new SmtpClient(listener.localPort())) {
                assertTrue(c.reply().startsWith("220"));
                c.command("EHLO x");
                c.command("MAIL FROM:<a@example.org>");
                c.command("RCPT TO:<b@example.com>");
                assertTrue(c.command("DATA").startsWith("451 4.3.0"), "no spool yet");

                TestSpool first = new TestSpool(dir);
                TestSpool second = new TestSpool(dir);
                listener.bindSpool(first);
                listener.bindSpool(second);
                listener.unbindSpool(first);
                assertSame(second, listener.spool());

                c.command("MAIL FROM:<a@example.org>");
                c.command("RCPT TO:<b@example.com>");
                c.command("DATA");
                assertTrue(c.command("hi\r\n.").startsWith("250 2.0.0 Ok: queued as"));
                assertEquals(1, second.committed.size());
                assertEquals(1, listener.status().messagesAccepted());
                assertEquals(1, listener.status().openConnections());
                assertEquals("inbound", listener.status().name());
            }
            HostAccess other = hat();
            listener.bindHostAccess(other, Map.of(SmtpListener.LISTENER_PROPERTY, "outbound"));
            assertNull(listener.hostAccess(), "a HAT for another listener is ignored");
            HostAccess mine = hat();
            listener.bindHostAccess(mine, Map.of(SmtpListener.LISTENER_PROPERTY, new String[] {"inbound"}));
            assertSame(mine, listener.hostAccess());
            listener.unbindHostAccess(mine);
            assertNull(listener.hostAccess());

            listener.suspend();
            assertFalse(listener.status().active());
            listener.resume();
            assertTrue(listener.status().active());
        } finally {
            listener.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void aMessageAtDataWaitsForTheSpoolToComeBack() throws Exception {
        SmtpListener listener = new SmtpListener(new ConnectionIds(0), sockets,
                TestConfig.settings(dir, "name", "inbound", "spool.wait.seconds", 30));
        listener.start();
        try (SmtpClient c = new SmtpClient(listener.localPort())) {
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@example.org>");
            c.command("RCPT TO:<b@example.com>");
            CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> command(c, "DATA"));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !data.isDone());
            TestSpool spool = new TestSpool(dir);
            listener.bindSpool(spool);
            assertTrue(data.get(10, TimeUnit.SECONDS).startsWith("354"), "the message went on once the spool was back");
            assertTrue(c.command("hi\r\n.").startsWith("250 2.0.0 Ok: queued as"));
            assertEquals(1, spool.committed.size());
        } finally {
            listener.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void anUpdateRefusesNoConnectionAndOpenSessionsFinishOnTheOldVersion() throws Exception {
        ListenerSettings settings = TestConfig.settings(dir, "name", "inbound");
        SmtpListener old = new SmtpListener(new ConnectionIds(0), sockets, settings);
        TestSpool spool = new TestSpool(dir);
        old.bindSpool(spool);
        old.start();
        int port = old.localPort();
        SmtpListener next = null;
        try (SmtpClient during = new SmtpClient(port)) {
            assertTrue(during.reply().startsWith("220"));
            during.command("EHLO x");
            during.command("MAIL FROM:<a@example.org>");
            during.command("RCPT TO:<b@example.com>");

            old.deactivate(BUNDLE_STOPPED);
            old.unbindSpool(spool); // DS unbinds after deactivation; the draining session keeps its spool
            try (SmtpClient between = new SmtpClient(port)) { // no version serves the port now
                next = new SmtpListener(new ConnectionIds(1000), sockets, settings);
                next.bindSpool(spool);
                next.start();
                assertEquals(port, next.localPort());
                assertTrue(between.reply().startsWith("220"), "the waiting client is served by the new version");
                between.command("EHLO y");
                between.command("MAIL FROM:<c@example.org>");
                between.command("RCPT TO:<d@example.com>");
                between.command("DATA");
                assertTrue(between.command("new\r\n.").startsWith("250 2.0.0 Ok: queued as"));
            }
            during.command("DATA");
            assertTrue(during.command("old\r\n.").startsWith("250 2.0.0 Ok: queued as"),
                    "the session open during the update finished on the old version");
            assertTrue(during.command("QUIT").startsWith("221"));
            assertEquals(2, spool.committed.size());
            assertEquals(1, next.status().messagesAccepted());
            assertEquals(1, old.status().messagesAccepted());
        } finally {
            if (next != null) {
                next.stop(Duration.ofSeconds(2));
            }
        }
    }

    private static String command(SmtpClient client, String line) {
        try {
            return client.command(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
