package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.gatehouse.itests.support.SmtpClient;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestMessage;
import org.junit.Test;

/**
 * What a hostile or broken client gets: a clear SMTP reply, a session that stays usable (or is
 * closed cleanly), and nothing half-accepted delivered.
 */
public class HostileInputIT extends MailTestSupport {

    @Test
    public void overlongCommandLineGets500AndTheSessionGoesOn() throws Exception {
        try (SmtpClient client = SmtpClient.connect(publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpReply reply = client.command("EHLO " + "a".repeat(2000));
            assertEquals("over-long line: " + reply, 500, reply.code());
            assertTrue(reply.toString(), reply.text().startsWith("5.5.2"));
            SmtpClient.expect(client.command("EHLO client.test"), 250);
            SmtpClient.expect(client.command("NOOP"), 250);
            SmtpClient.expect(client.command("QUIT"), 221);
        }
    }

    @Test
    public void bareLineFeedInDataIsRefusedAndNothingIsDelivered() throws Exception {
        String marker = TestMessage.marker();
        try (SmtpClient client = startTransaction()) {
            SmtpClient.expect(client.command("DATA"), 354);
            String content = "Subject: bare LF " + marker + "\r\n\r\nfirst line\nsmuggled line after a bare LF\r\n.\r\n";
            client.sendRaw(content.getBytes(StandardCharsets.US_ASCII));
            SmtpReply reply = client.readReply();
            assertEquals("content with a bare LF: " + reply, 550, reply.code());
            SmtpClient.expect(client.command("QUIT"), 221);
        }
        nothingArrivesWith(marker);
    }

    @Test
    public void declaredSizeOverTheLimitIsRefusedAtMailFrom() throws Exception {
        try (SmtpClient client = SmtpClient.connect(publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpReply ehlo = SmtpClient.expect(client.command("EHLO client.test"), 250);
            assertTrue("EHLO advertises the limit: " + ehlo, ehlo.lines().contains("SIZE " + PUBLIC_MAX_MESSAGE_SIZE));
            SmtpReply reply = client.command("MAIL FROM:<alice@sender.test> SIZE=" + (PUBLIC_MAX_MESSAGE_SIZE + 1));
            assertEquals("declared size over the limit: " + reply, 552, reply.code());
            SmtpClient.expect(client.command("QUIT"), 221);
        }
    }

    @Test
    public void messageOverTheSizeLimitGets552AndNothingIsDelivered() throws Exception {
        String marker = TestMessage.marker();
        try (SmtpClient client = startTransaction()) {
            SmtpClient.expect(client.command("DATA"), 354);
            StringBuilder content = new StringBuilder("Subject: too big " + marker + "\r\n\r\n");
            String line = "x".repeat(998) + "\r\n";
            while (content.length() <= PUBLIC_MAX_MESSAGE_SIZE + 4096) {
                content.append(line);
            }
            content.append(".\r\n");
            client.sendRaw(content.toString().getBytes(StandardCharsets.US_ASCII));
            SmtpReply reply = client.readReply();
            assertEquals("oversize content: " + reply, 552, reply.code());
            SmtpClient.expect(client.command("QUIT"), 221);
        }
        nothingArrivesWith(marker);
    }

    /**
     * STARTTLS command injection (CVE-2011-0411 and kin): commands pipelined behind STARTTLS in
     * clear text must be thrown away, not executed inside the TLS session.
     */
    @Test
    public void commandsPipelinedAfterStartTlsAreDiscarded() throws Exception {
        try (SmtpClient client = SmtpClient.connect(publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpReply ehlo = SmtpClient.expect(client.command("EHLO client.test"), 250);
            assertTrue("STARTTLS offered: " + ehlo, ehlo.lines().contains("STARTTLS"));
            client.sendRaw("STARTTLS\r\nMAIL FROM:<injected@attacker.test>\r\n".getBytes(StandardCharsets.US_ASCII));
            SmtpClient.expect(client.readReply(), 220);
            client.upgradeToTls();
            SmtpReply afterTls = client.command("EHLO client.test");
            assertEquals("first reply inside TLS is the EHLO reply: " + afterTls, 250, afterTls.code());
            assertTrue(afterTls.toString(), afterTls.lines().get(0).contains("client.test"));
            SmtpReply mail = client.command("MAIL FROM:<alice@sender.test>");
            assertEquals("no injected transaction is open: " + mail, 250, mail.code());
            SmtpClient.expect(client.command("QUIT"), 221);
        }
    }

    private static SmtpClient startTransaction() throws Exception {
        SmtpClient client = SmtpClient.connect(publicPort());
        SmtpClient.expect(client.readReply(), 220);
        SmtpClient.expect(client.command("EHLO client.test"), 250);
        SmtpClient.expect(client.command("MAIL FROM:<alice@sender.test>"), 250);
        SmtpClient.expect(client.command("RCPT TO:<bob@example.com>"), 250);
        return client;
    }

    private void nothingArrivesWith(String marker) {
        within(10).during(Duration.ofSeconds(4)).until(() -> sink.receivedWith(marker).isEmpty());
    }
}
