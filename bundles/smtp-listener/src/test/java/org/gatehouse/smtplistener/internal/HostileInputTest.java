package org.gatehouse.smtplistener.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What a hostile or broken client may send, each against a real socket. */
class HostileInputTest extends ServerTestSupport {

    private SmtpClient inData(SmtpServer server) throws Exception {
        SmtpClient c = greeted(server);
        assertEquals("250 2.1.0 Sender ok", c.command("MAIL FROM:<a@example.org>"));
        assertEquals("250 2.1.5 Recipient ok", c.command("RCPT TO:<b@example.com>"));
        assertTrue(c.command("DATA").startsWith("354"));
        return c;
    }

    @Test
    void linesOverThousandOctetsAreRefusedAndTheRestDiscarded() throws Exception {
        SmtpServer server = start();
        SmtpClient c = greeted(server);
        // 998 octets + CRLF = 1000: allowed.
        assertEquals("500 5.5.2 Command not recognized", c.command("X".repeat(998)));
        assertEquals("500 5.5.2 Line too long", c.command("NOOP " + "X".repeat(5000)));
        assertEquals("250 2.0.0 Ok", c.command("NOOP"));
    }

    @Test
    void commandsOutOfOrderGet503() throws Exception {
        SmtpServer server = start();
        SmtpClient c = connect(server);
        c.reply();
        assertTrue(c.command("MAIL FROM:<a@example.org>").startsWith("503 5.5.1"));
        c.command("EHLO x");
        assertTrue(c.command("RCPT TO:<b@example.com>").startsWith("503 5.5.1"));
        assertTrue(c.command("DATA").startsWith("503 5.5.1"));
        c.command("MAIL FROM:<a@example.org>");
        assertTrue(c.command("MAIL FROM:<a@example.org>").startsWith("503 5.5.1"));
        assertTrue(c.command("DATA").startsWith("503 5.5.1"));
    }

    @Test
    void declaredSizeOverTheLimitIsRefused() throws Exception {
        SmtpServer server = start("max.message.size", 1000L);
        SmtpClient c = greeted(server);
        assertEquals(Replies.TOO_BIG, c.command("MAIL FROM:<a@example.org> SIZE=1001"));
        assertEquals("250 2.1.0 Sender ok", c.command("MAIL FROM:<a@example.org> SIZE=1000"));
    }

    @Test
    void contentOverTheLimitIsRefusedAfterDataAndNothingKept() throws Exception {
        SmtpServer server = start("max.message.size", 1000L);
        SmtpClient c = inData(server);
        c.send(("x".repeat(80) + "\r\n").repeat(20));
        assertEquals(Replies.TOO_BIG, c.command("."));
        assertTrue(spool.committed.isEmpty());
        assertEquals(1, spool.aborted.size());
        assertEquals("250 2.1.0 Sender ok", c.command("MAIL FROM:<a@example.org>"));
    }

    @Test
    void bareLineFeedInDataRefusesTheMessage() throws Exception {
        SmtpServer server = start();
        SmtpClient c = inData(server);
        // "\n.\n" must not end DATA (SMTP smuggling); the smuggled MAIL is content, not a command.
        c.send("Subject: x\r\n\r\nhello\n.\nMAIL FROM:<evil@example.org>\r\n");
        assertEquals(Replies.BARE_LINE_END, c.command("."));
        assertTrue(spool.committed.isEmpty());
        assertEquals(1, spool.aborted.size());
    }

    @Test
    void bareCarriageReturnInDataRefusesTheMessage() throws Exception {
        SmtpServer server = start();
        SmtpClient c = inData(server);
        c.send("hello\r.\rRSET\r\n");
        assertEquals(Replies.BARE_LINE_END, c.command("."));
        assertTrue(spool.committed.isEmpty());
    }

    @Test
    void nulInCommandIsRefused() throws Exception {
        SmtpServer server = start();
        SmtpClient c = greeted(server);
        c.sendBytes("NOOP\0x\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Replies.NUL_IN_COMMAND, c.reply());
    }

    @Test
    void eightBitCommandsNeedSmtpUtf8() throws Exception {
        SmtpServer server = start();
        SmtpClient c = greeted(server);
        assertEquals(Replies.NEED_SMTPUTF8, c.command("MAIL FROM:<jörg@example.org>"));
        assertEquals(Replies.EIGHT_BIT_COMMAND, c.command("NOOP ü"));
        c.sendBytes(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xff, '\r', '\n'});
        assertEquals(Replies.BAD_UTF8, c.reply());
        assertEquals("250 2.1.0 Sender ok", c.command("MAIL FROM:<jörg@example.org> SMTPUTF8"));
        assertEquals("250 2.1.5 Recipient ok", c.command("RCPT TO:<müller@example.com>"));
    }

    @Test
    void tooManyErrorsCloseTheConnection() throws Exception {
        SmtpServer server = start("max.errors", 3);
        SmtpClient c = greeted(server);
        c.command("BOGUS");
        c.command("BOGUS");
        assertEquals(Replies.UNRECOGNIZED, c.command("BOGUS"));
        assertEquals(Replies.tooManyErrors("mx.test"), c.reply());
        assertTrue(c.closedByServer());
    }

    @Test
    void idleClientIsDisconnected() throws Exception {
        SmtpServer server = start("idle.timeout.seconds", 1);
        SmtpClient c = greeted(server);
        c.send("MAIL FR");
        assertTrue(c.reply().startsWith("421 4.4.2"));
        assertTrue(c.closedByServer());
    }

    @Test
    void stalledTlsHandshakeIsClosed() throws Exception {
        SmtpServer server = start("idle.timeout.seconds", 1);
        SmtpClient c = greeted(server);
        assertEquals(Replies.READY_FOR_TLS, c.command("STARTTLS"));
        assertTrue(c.closedByServer());
        awaitNoSessions(server);
    }

    @Test
    void stalledDataTimesOutAndNothingIsQueued() throws Exception {
        SmtpServer server = start("data.timeout.seconds", 1);
        SmtpClient c = inData(server);
        c.send("Subject: slow\r\n\r\nhalf a mess");
        assertTrue(c.reply().startsWith("421 4.4.2"));
        assertTrue(c.closedByServer());
        await().atMost(Duration.ofSeconds(5)).until(() -> spool.aborted.size() == 1);
        assertTrue(spool.committed.isEmpty());
    }

    @Test
    void clientVanishingMidDataAbortsTheMessage() throws Exception {
        SmtpServer server = start();
        SmtpClient c = inData(server);
        c.send("Subject: gone\r\n\r\npart");
        c.vanish();
        await().atMost(Duration.ofSeconds(5)).until(() -> spool.aborted.size() == 1);
        awaitNoSessions(server);
        assertTrue(spool.committed.isEmpty());
        assertTrue(services.log.stream().anyMatch(l -> l.equals("ICID 1 lost")), services.log.toString());
    }

    @Test
    void connectionsOverTheLimitAreRefused() throws Exception {
        SmtpServer server = start("max.connections", 2);
        greeted(server);
        greeted(server);
        SmtpClient third = connect(server);
        assertEquals(Replies.tooManyConnections("mx.test"), third.reply());
        assertTrue(third.closedByServer());
        await().atMost(Duration.ofSeconds(5)).until(() -> server.status().openConnections() == 2);
    }

    @Test
    void stopDrainsOpenSessions() throws Exception {
        SmtpServer server = start();
        SmtpClient c = greeted(server);
        server.stop(Duration.ofSeconds(5));
        assertEquals(Replies.shuttingDown("mx.test"), c.reply());
        assertTrue(c.closedByServer());
    }
}
