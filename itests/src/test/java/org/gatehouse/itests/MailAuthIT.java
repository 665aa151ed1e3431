package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.DkimTestSigner;
import org.gatehouse.itests.support.SmtpClient;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestDns;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.junit.Before;
import org.junit.Test;

/**
 * SPF, DKIM and DMARC over real SMTP, with the suite's DNS server ({@link TestDns}) publishing
 * {@code authentic.test}'s SPF record, DKIM key and DMARC p=reject: its own server's signed mail is
 * delivered saying so in Authentication-Results; a stranger using its name in From: is held in the
 * {@code dmarc} quarantine (the 250 was already said, so "reject" becomes quarantine, as shipped).
 */
public class MailAuthIT extends StageTestSupport {

    private static final String DOMAIN = TestDns.AUTHENTIC_DOMAIN;
    private static final String RECIPIENT = "bob@example.com";

    @Before
    public void awaitMailAuth() throws Exception {
        console = Console.onPort(port(TestPorts.SSH));
        within(60).ignoreExceptions().until(() -> console.run("gatehouse:mailauth-status").output()
                .contains("DNS server: 127.0.0.1:" + port(TestDns.PORT)));
        within(30).until(() -> stageRow("mailauth").matches(".*\\bactive\\b.*"));
    }

    @Test
    public void signedMailFromTheDomainsOwnServerIsDeliveredWithPasses() throws Exception {
        String from = "alice@" + DOMAIN;
        String marker = TestMessage.marker();
        String signed = DkimTestSigner.sign(TestMessage.simple(from, RECIPIENT, marker), DOMAIN, TestDns.AUTHENTIC_SELECTOR,
                TestDns.AUTHENTIC_KEY_SEED);
        long mid;
        try (SmtpClient client = SmtpClient.connectFrom(TestDns.AUTHENTIC_SERVER, publicPort())) {
            SmtpReply reply = client.sendMail(from, List.of(RECIPIENT), signed);
            assertEquals(reply.toString(), 250, reply.code());
            mid = queuedMid(reply);
        }
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
        String delivered = sink.receivedWith(marker).get(0).content();
        String results = delivered.lines().filter(l -> l.startsWith("Authentication-Results:")).findFirst().orElse("");
        assertTrue(delivered, results.startsWith("Authentication-Results: " + HOSTNAME + "; spf=pass"));
        assertTrue(results, results.contains("smtp.mailfrom=" + from));
        assertTrue(results, results.contains("; dkim=pass (ed25519-sha256) header.d=" + DOMAIN + " header.s=sel"));
        assertTrue(results, results.contains("; dmarc=pass (p=reject dis=none) header.from=" + DOMAIN));
        assertEquals("exactly one Authentication-Results", 1,
                delivered.lines().filter(l -> l.startsWith("Authentication-Results:")).count());
        String log = mailLogOf(mid);
        assertTrue(log, log.contains("MID " + mid + " SPF: mailfrom identity " + from + " Pass"));
        assertTrue(log, log.contains("MID " + mid + " DKIM: pass signature verified (d=" + DOMAIN + " s=sel i=@" + DOMAIN + ")"));
        assertTrue(log, log.contains("MID " + mid + " DMARC: Verification passed"));
    }

    @Test
    public void aForgedFromOfARejectDomainIsQuarantined() throws Exception {
        String marker = TestMessage.marker();
        String forged = TestMessage.simple("ceo@" + DOMAIN, RECIPIENT, marker);
        long mid;
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.31", publicPort())) {
            SmtpReply reply = client.sendMail("billing@forger.test", List.of(RECIPIENT), forged);
            assertEquals(reply.toString(), 250, reply.code());
            mid = queuedMid(reply);
        }
        within(30).until(() -> mailLogOf(mid).contains("MID " + mid + " DMARC: Verification failed, policy reject applied: quarantine dmarc"));
        within(30).until(() -> queueRow(mid).endsWith("held"));
        String log = mailLogOf(mid);
        assertTrue(log, log.contains("MID " + mid + " SPF: mailfrom identity billing@forger.test None"));
        assertTrue(log, log.contains("MID " + mid + " DKIM: no signature"));
        assertTrue(log, log.contains("DMARC: Message from domain " + DOMAIN + ", DMARC fail (SPF aligned False, DKIM aligned False)"));
        assertTrue("the forgery never reached the sink", sink.receivedWith(marker).isEmpty());
    }

    @Test
    public void theConsoleChecksSpfAndShowsTheStatus() throws Exception {
        String pass = console.run("gatehouse:spf-check " + TestDns.AUTHENTIC_SERVER + " alice@" + DOMAIN).output();
        assertTrue(pass, pass.contains("SPF: mailfrom identity alice@" + DOMAIN + " Pass"));
        assertTrue(pass, pass.contains(DOMAIN + ": v=spf1 ip4:" + TestDns.AUTHENTIC_SERVER + " -all"));
        String fail = console.run("gatehouse:spf-check 127.0.0.99 alice@" + DOMAIN).output();
        assertTrue(fail, fail.contains(" Fail"));
        String status = console.run("gatehouse:mailauth-status").output();
        assertTrue(status, status.contains("DMARC p=reject: quarantine"));
        assertTrue(status, status.contains("Public Suffix List: 20"));
    }
}
