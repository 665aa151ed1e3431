package org.gatehouse.smtplistener.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.gatehouse.api.HostAccess;
import org.gatehouse.api.HostDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component built with new, its dynamic references swapped while a session is open. */
class SmtpListenerTest {

    @TempDir
    Path dir;

    private static HostAccess hat() {
        return new HostAccess() {
            @Override
            public HostDecision decide(String listener, String remoteIp, String reverseDns) {
                throw new IllegalStateException("not used");
            }

            @Override
            public String checkRecipient(String listener, String address) {
                return null;
            }
        };
    }

    @Test
    void referencesComeAndGoWithoutClosingTheSocket() throws Exception {
        SmtpListener listener = new SmtpListener(new ConnectionIds(0), TestConfig.settings(dir, "name", "inbound"));
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
}
