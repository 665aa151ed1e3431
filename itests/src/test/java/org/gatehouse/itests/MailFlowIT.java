package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.gatehouse.itests.support.ReceivedMail;
import org.gatehouse.itests.support.SmtpClient;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestMessage;
import org.junit.Test;

/** Mail through the shipped listeners and routes, observed at the sink. */
public class MailFlowIT extends MailTestSupport {

    @Test
    public void mailForExampleComThroughThePublicListenerArrivesAtTheSink() throws Exception {
        String marker = TestMessage.marker();
        SmtpReply reply = sendMail(publicPort(), "alice@sender.test", "bob@example.com", marker);
        assertEquals("reply to the final dot: " + reply, 250, reply.code());
        long mid = queuedMid(reply);

        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
        ReceivedMail mail = sink.receivedWith(marker).get(0);
        assertEquals("alice@sender.test", mail.mailFrom());
        assertEquals(List.of("bob@example.com"), mail.recipients());
        assertTrue("Received: header added by the listener", mail.content().contains("Received: from"));
        assertTrue("dot-stuffed line arrives intact", mail.content().contains("\r\n.a line that starts with a dot\r\n"));
        within(10).until(() -> mailLog().contains("MID " + mid));
    }

    @Test
    public void publicListenerIsNoOpenRelay() throws Exception {
        try (SmtpClient client = SmtpClient.connect(publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpClient.expect(client.command("EHLO client.test"), 250);
            SmtpClient.expect(client.command("MAIL FROM:<alice@sender.test>"), 250);
            SmtpReply reply = client.command("RCPT TO:<victim@partner.test>");
            assertEquals("relay to a foreign domain: " + reply, 550, reply.code());
            assertTrue(reply.toString(), reply.text().startsWith("5.7.1"));
            SmtpReply data = client.command("DATA");
            assertEquals("DATA without an accepted recipient: " + data, 503, data.code());
            client.command("QUIT");
        }
    }

    @Test
    public void privateListenerRelaysForLoopbackToAnyDomain() throws Exception {
        String marker = TestMessage.marker();
        SmtpReply reply = sendMail(privatePort(), "app@internal.test", "carol@partner.test", marker);
        assertEquals("reply to the final dot: " + reply, 250, reply.code());
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
        assertEquals(List.of("carol@partner.test"), sink.receivedWith(marker).get(0).recipients());
    }

    @Test
    public void manyMessagesOverOneConnectionAllArriveUpToThePolicyLimit() throws Exception {
        String marker = TestMessage.marker();
        int messages = 10; // the ACCEPTED policy's max.messages.per.connection
        try (SmtpClient client = SmtpClient.connect(publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpClient.expect(client.command("EHLO client.test"), 250);
            for (int i = 0; i < messages; i++) {
                SmtpClient.expect(client.command("MAIL FROM:<alice@sender.test>"), 250);
                SmtpClient.expect(client.command("RCPT TO:<bob@example.com>"), 250);
                SmtpClient.expect(client.command("DATA"), 354);
                String body = TestMessage.simple("alice@sender.test", "bob@example.com", marker + "-" + i);
                SmtpClient.expect(client.data(body), 250);
            }
            SmtpReply more = client.command("MAIL FROM:<alice@sender.test>");
            assertEquals("the policy's limit, said in time for the client to reconnect: " + more, 452, more.code());
            SmtpClient.expect(client.command("QUIT"), 221);
        }
        within(60).pollInterval(Duration.ofMillis(250))
                .until(() -> sink.receivedWith(marker).size() == messages);
    }
}
