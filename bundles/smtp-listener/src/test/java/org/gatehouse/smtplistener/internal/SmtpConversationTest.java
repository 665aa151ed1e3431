package org.gatehouse.smtplistener.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLSocket;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostAccess;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.api.RecipientCheck;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.TlsLevel;
import org.junit.jupiter.api.Test;

/** Real SMTP conversations over loopback sockets. */
class SmtpConversationTest extends ServerTestSupport {

    @Test
    void acceptsAMessageWithPipeliningAndUnstuffsDots() throws Exception {
        SmtpServer server = start();
        SmtpClient c = connect(server);
        assertTrue(c.reply().startsWith("220 mx.test"));
        String ehlo = c.command("EHLO client.test");
        for (String keyword : List.of("PIPELINING", "SIZE 10485760", "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES",
                "CHUNKING", "STARTTLS")) {
            assertTrue(ehlo.contains(keyword), keyword + " in " + ehlo);
        }
        c.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");
        assertEquals("250 2.1.0 Sender ok", c.reply());
        assertEquals("250 2.1.5 Recipient ok", c.reply());
        assertTrue(c.reply().startsWith("354"));
        c.send("Subject: hi\r\n\r\n..leading dot\r\n.\r\nQUIT\r\n");
        String queued = c.reply();
        assertTrue(queued.startsWith("250 2.0.0 Ok: queued as "), queued);
        assertEquals("221 2.0.0 Bye", c.reply());
        long mid = Long.parseLong(queued.substring(queued.lastIndexOf(' ') + 1));
        TestSpool.Stored stored = spool.committed.get(mid);
        String text = stored.text();
        assertTrue(text.startsWith("Received: from client.test (unknown [127.0.0.1])\r\n\tby mx.test (Gatehouse) with ESMTP id "
                + mid + "\r\n\tfor <b@example.com>;"), text);
        assertTrue(text.endsWith("\r\nSubject: hi\r\n\r\n.leading dot\r\n"), text);
        assertEquals(List.of(new Recipient(0, "b@example.com")), stored.envelope().recipients());
        assertEquals("a@example.org", stored.envelope().mailFrom());
        assertEquals(1, server.status().messagesAccepted());
        await().atMost(Duration.ofSeconds(5)).until(() -> services.log.contains("ICID 1 close"));
        assertTrue(services.log.contains("Start MID " + mid + " ICID 1"), services.log.toString());
        assertTrue(services.log.contains("MID " + mid + " ICID 1 RID 0 To: <b@example.com>"));
        assertTrue(services.log.contains("ICID 1 ACCEPT SG UNKNOWNLIST match ALL SBRS none"));
    }

    @Test
    void commandsPipelinedBehindDataWaitForTheCommit() throws Exception {
        SmtpServer server = start();
        SmtpClient c = greeted(server);
        // Two whole transactions in one write: the second MAIL must not run before the first 250.
        c.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n"
                + "one\r\n.\r\nMAIL FROM:<c@example.org>\r\nRCPT TO:<d@example.com>\r\nDATA\r\ntwo\r\n.\r\n");
        assertEquals("250 2.1.0 Sender ok", c.reply());
        assertEquals("250 2.1.5 Recipient ok", c.reply());
        assertTrue(c.reply().startsWith("354"));
        assertTrue(c.reply().startsWith("250 2.0.0 Ok: queued as"));
        assertEquals("250 2.1.0 Sender ok", c.reply());
        assertEquals("250 2.1.5 Recipient ok", c.reply());
        assertTrue(c.reply().startsWith("354"));
        assertTrue(c.reply().startsWith("250 2.0.0 Ok: queued as"));
        assertEquals(2, spool.committed.size());
    }

    @Test
    void bdatChunksAreReadAsBinary() throws Exception {
        SmtpServer server = start("received.header", false);
        SmtpClient c = greeted(server);
        c.command("MAIL FROM:<a@example.org>");
        c.command("RCPT TO:<b@example.com>");
        c.send("BDAT 10\r\n.\r\n\r\n.\nx\r\n");
        assertEquals("250 2.0.0 10 octets received", c.reply());
        String queued = c.command("BDAT 0 LAST");
        assertTrue(queued.startsWith("250 2.0.0 Ok: queued as"), queued);
        long mid = Long.parseLong(queued.substring(queued.lastIndexOf(' ') + 1));
        assertEquals(".\r\n\r\n.\nx\r\n", spool.committed.get(mid).text());
        assertTrue(c.command("DATA").startsWith("503 5.5.1"));
    }

    @Test
    void startTlsResetsTheSessionAndDropsPipelinedCommands() throws Exception {
        SmtpServer server = start("received.header", true);
        SmtpClient c = greeted(server);
        c.command("MAIL FROM:<a@example.org>");
        c.send("STARTTLS\r\nRCPT TO:<evil@example.com>\r\n");
        assertEquals("220 2.0.0 Ready to start TLS", c.reply());
        SSLSocket tls = c.startTls();
        assertTrue(List.of("TLSv1.2", "TLSv1.3").contains(tls.getSession().getProtocol()));
        // The smuggled RCPT was not executed and MAIL was forgotten: EHLO again first.
        assertTrue(c.command("MAIL FROM:<a@example.org>").startsWith("503 5.5.1"));
        String ehlo = c.command("EHLO client.test");
        assertFalse(ehlo.contains("STARTTLS"), ehlo);
        assertEquals("250 2.1.0 Sender ok", c.command("MAIL FROM:<a@example.org>"));
        assertEquals("250 2.1.5 Recipient ok", c.command("RCPT TO:<b@example.com>"));
        assertTrue(c.command("DATA").startsWith("354"));
        String queued = c.command("hello\r\n.");
        long mid = Long.parseLong(queued.substring(queued.lastIndexOf(' ') + 1));
        TestSpool.Stored stored = spool.committed.get(mid);
        assertTrue(stored.text().contains("with ESMTPS"), stored.text());
        assertEquals(1, stored.envelope().recipients().size());
        assertTrue(c.command("STARTTLS").startsWith("503 5.5.1"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> services.log.stream().anyMatch(l -> l.startsWith("ICID 1 TLS success protocol TLSv1.")));
    }

    @Test
    void publicListenerRefusesToRelay() throws Exception {
        SmtpServer server = start();
        SmtpClient c = greeted(server);
        c.command("MAIL FROM:<a@example.org>");
        assertEquals("550 5.7.1 Recipient address rejected: relay not permitted", c.command("RCPT TO:<x@elsewhere.org>"));
        assertEquals("250 2.1.5 Recipient ok", c.command("RCPT TO:<x@EXAMPLE.com>"));
        assertEquals("550 5.7.1 Recipient address rejected: relay not permitted", c.command("RCPT TO:<x@sub.example.com>"));
    }

    @Test
    void privateListenerRelaysOnlyForItsNetworks() throws Exception {
        SmtpServer open = start("type", "private", "relay.networks", "127.0.0.0/8, ::1/128");
        SmtpClient c = greeted(open);
        c.command("MAIL FROM:<a@example.org>");
        assertEquals("250 2.1.5 Recipient ok", c.command("RCPT TO:<x@anywhere.org>"));

        SmtpServer closed = start("type", "private", "relay.networks", "10.0.0.0/8");
        SmtpClient refused = connect(closed);
        assertEquals("554 5.7.1 Access denied", refused.reply());
        assertTrue(refused.closedByServer());
    }

    @Test
    void hostAccessServiceIsUsedWhenPresent() throws Exception {
        SmtpServer server = start();
        services.hostAccess = new HostAccess() {
            @Override
            public HostDecision decide(String listener, String remoteIp) {
                return new HostDecision("TESTLIST", "127.0.0.1", policy(100, 0, 1, "$Hostname says hi to $RemoteIP"),
                        remoteIp, "client.test", true, -1.5);
            }

            @Override
            public RecipientCheck checkRecipient(String listener, boolean publicListener, HostDecision host,
                                                 String address) {
                assertTrue(publicListener);
                assertEquals("client.test", host.reverseDns());
                if (address.startsWith("harvest@")) {
                    return RecipientCheck.refuseAndClose("550 5.1.1 Too many invalid recipients", "DHAP");
                }
                return address.startsWith("no@") ? RecipientCheck.refuse("550 5.7.1 No thanks", "RAT") : RecipientCheck.accept();
            }
        };
        SmtpClient c = connect(server);
        assertEquals("220 mx.test says hi to 127.0.0.1", c.reply());
        assertTrue(c.command("EHLO x").contains("SIZE 100"));
        c.command("MAIL FROM:<a@example.org>");
        assertEquals("550 5.7.1 No thanks", c.command("RCPT TO:<no@elsewhere.org>"));
        assertEquals("250 2.1.5 Recipient ok", c.command("RCPT TO:<yes@elsewhere.org>"));
        assertEquals("452 4.5.3 Too many recipients", c.command("RCPT TO:<yes2@elsewhere.org>"));
        c.command("RSET");
        c.command("MAIL FROM:<a@example.org>");
        assertEquals("550 5.1.1 Too many invalid recipients", c.command("RCPT TO:<harvest@elsewhere.org>"));
        assertTrue(c.closedByServer(), "a harvester is cut off");
    }

    private static MailFlowPolicy policy(long size, int connectionsPerIp, int recipientsPerMessage, String banner) {
        return new MailFlowPolicy("THROTTLED", AccessRule.ACCEPT, size, connectionsPerIp, 0, recipientsPerMessage,
                banner, 554, "", TlsLevel.PREFERRED, 0, "", 0, "", Set.of("antispam"));
    }

    @Test
    void connectionsPerAddressFollowThePolicy() throws Exception {
        SmtpServer server = start();
        services.hostAccess = new HostAccess() {
            @Override
            public HostDecision decide(String listener, String remoteIp) {
                return new HostDecision("TESTLIST", "ALL", policy(0, 2, 0, ""), remoteIp, null, false, null);
            }

            @Override
            public RecipientCheck checkRecipient(String listener, boolean publicListener, HostDecision host,
                                                 String address) {
                return RecipientCheck.accept();
            }
        };
        SmtpClient first = connect(server);
        SmtpClient second = connect(server);
        assertTrue(first.reply().startsWith("220"));
        assertTrue(second.reply().startsWith("220"));
        SmtpClient third = connect(server);
        assertTrue(third.reply().startsWith("421 4.7.0"), "a third connection from the address is refused");
        assertTrue(third.closedByServer());
        first.command("QUIT");
        assertTrue(first.closedByServer());
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            SmtpClient again = connect(server);
            return again.reply().startsWith("220");
        });
    }

    @Test
    void failedCommitAnswers451AndKeepsNothing() throws Exception {
        SmtpServer server = start();
        spool.failCommits = true;
        SmtpClient c = greeted(server);
        c.command("MAIL FROM:<a@example.org>");
        c.command("RCPT TO:<b@example.com>");
        c.command("DATA");
        assertTrue(c.command("x\r\n.").startsWith("451 4.3.0"));
        assertTrue(spool.committed.isEmpty());
        assertEquals(1, spool.aborted.size());
        assertEquals("250 2.0.0 Ok", c.command("NOOP"));
    }

    @Test
    void missingSpoolAnswers451AtData() throws Exception {
        SmtpServer server = start();
        services.spool = null;
        SmtpClient c = greeted(server);
        c.command("MAIL FROM:<a@example.org>");
        c.command("RCPT TO:<b@example.com>");
        assertTrue(c.command("DATA").startsWith("451 4.3.0"));
    }

    @Test
    void smallCommandsAnswerWithEnhancedCodes() throws Exception {
        SmtpServer server = start();
        SmtpClient c = greeted(server);
        assertTrue(c.command("VRFY bob").startsWith("252 2.5.0"));
        assertTrue(c.command("HELP").startsWith("214 2.0.0"));
        assertEquals("250 2.0.0 Ok", c.command("NOOP"));
        assertEquals("250 2.0.0 Ok", c.command("RSET"));
        assertEquals("500 5.5.2 Command not recognized", c.command("EXPN list"));
        assertEquals("250 mx.test", c.command("HELO old.client"));
        assertEquals("221 2.0.0 Bye", c.command("QUIT"));
        assertTrue(c.closedByServer());
        assertNull(c.reply());
    }

    @Test
    void suspendStopsAcceptingButKeepsOpenSessions() throws Exception {
        SmtpServer server = start();
        SmtpClient c = greeted(server);
        int port = server.localPort();
        server.suspend();
        assertFalse(server.status().active());
        assertEquals("250 2.0.0 Ok", c.command("NOOP"));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> new SmtpClient(port).close());
        server.start();
        assertTrue(server.status().active());
        assertTrue(connect(server).reply().startsWith("220"));
    }
}
