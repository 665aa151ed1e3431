package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.List;

import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.SmtpClient;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestDns;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.junit.Before;
import org.junit.Test;

/**
 * Who may connect, and on what terms: the HAT, the RAT and mail flow policies as an admin sets
 * them up from the console, observed over real SMTP from different loopback addresses. The
 * suite's DNS server (dnsmasq, see {@link TestDns}) answers reverse DNS, the DNS block list
 * {@code bl.test} and the reputation zone, so sender groups match on what the Internet would say.
 * Each story uses its own client addresses, so they do not disturb each other or the suite.
 */
public class HatIT extends MailTestSupport {

    private static final String RECIPIENT = "bob@example.com";

    private Console console;

    @Before
    public void connectToTheConsole() throws Exception {
        console = Console.onPort(port(TestPorts.SSH));
        within(60).ignoreExceptions().until(() -> console.run("gatehouse:hat-list public").output().contains("UNKNOWNLIST"));
    }

    /** Runs a console command that must succeed. */
    private String admin(String command) throws IOException, InterruptedException {
        Console.Result result = console.run(command);
        assertEquals(command + ": " + result.output(), 0, result.exitCode());
        assertFalse(command + ": " + result.output(), result.output().contains("Error"));
        return result.output();
    }

    /** Changes reach new connections within moments (Config Admin, then the table is swapped). */
    private void awaitGroup(String listener, String ip, String group) {
        within(30).ignoreExceptions().until(() -> console.run("gatehouse:hat-test --listener " + listener + " " + ip)
                .output().matches("(?s).*Sender group:\\s+" + group + "\\b.*"));
    }

    @Test
    public void aHostOnADnsBlockListIsRejectedWithTheRejectBanner() throws Exception {
        // Quoted: the Karaf shell reads name[...] as a list otherwise.
        admin("gatehouse:hat-entry-add public BLACKLIST \"dnslist[" + TestDns.BLOCK_LIST + "]\"");
        awaitGroup("public", "127.0.0.7", "BLACKLIST");
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.7", publicPort())) {
            SmtpReply banner = client.readReply();
            assertEquals(banner.toString(), 554, banner.code());
            assertTrue(banner.toString(), banner.text().contains("5.7.1"));
            assertTrue("closed after the reject banner", client.isClosedByServer());
        }
        within(10).until(() -> mailLog().contains("REJECT SG BLACKLIST match dnslist[" + TestDns.BLOCK_LIST + "] SBRS"));
    }

    @Test
    public void reputationPutsBadHostsOnTheBlacklistAndSuspectOnesUnderThrottling() throws Exception {
        // The reputation service is licensed by the container's evaluation and asks the zone.
        awaitGroup("public", "127.0.0.8", "BLACKLIST");
        assertTrue(admin("gatehouse:hat-test 127.0.0.8").contains("-7.0"));
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.8", publicPort())) {
            assertEquals(554, client.readReply().code());
        }

        awaitGroup("public", "127.0.0.9", "SUSPECTLIST");
        String marker = TestMessage.marker();
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.9", publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpReply ehlo = SmtpClient.expect(client.command("EHLO suspect.test"), 250);
            assertTrue("THROTTLED advertises 1 MB: " + ehlo, ehlo.lines().contains("SIZE 1048576"));
            SmtpClient.expect(client.command("MAIL FROM:<bulk@suspect.test>"), 250);
            for (int i = 0; i < 20; i++) {
                SmtpClient.expect(client.command("RCPT TO:<user" + i + "@example.com>"), 250);
            }
            assertEquals("20 recipients per message", 452, client.command("RCPT TO:<user20@example.com>").code());
            SmtpClient.expect(client.command("DATA"), 354);
            SmtpClient.expect(client.data(TestMessage.simple("bulk@suspect.test", RECIPIENT, marker)), 250);
            // THROTTLED allows 20 recipients an hour per host, on any listener: the 21st waits.
            SmtpClient.expect(client.command("MAIL FROM:<bulk@suspect.test>"), 250);
            SmtpReply overHour = client.command("RCPT TO:<" + RECIPIENT + ">");
            assertEquals(overHour.toString(), 452, overHour.code());
            assertTrue(overHour.toString(), overHour.text().contains("4.5.3"));
        }
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
    }

    @Test
    public void aRefusedHostIsDisconnectedWithoutABanner() throws Exception {
        admin("gatehouse:policy-add public REFUSED TCPREFUSE");
        admin("gatehouse:hat-group-add --comment Refused public REFUSELIST REFUSED");
        admin("gatehouse:hat-group-move --top public REFUSELIST");
        admin("gatehouse:hat-entry-add public REFUSELIST 127.0.0.10");
        awaitGroup("public", "127.0.0.10", "REFUSELIST");
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.10", publicPort())) {
            assertTrue("closed without a word", client.isClosedByServer());
        }
        within(10).until(() -> mailLog().contains("TCPREFUSE SG REFUSELIST match 127.0.0.10"));
    }

    @Test
    public void noListenerRelaysForStrangers() throws Exception {
        // Public listener: even a trusted host cannot send to a domain the RAT does not accept.
        admin("gatehouse:hat-entry-add public WHITELIST 127.0.0.12");
        awaitGroup("public", "127.0.0.12", "WHITELIST");
        for (String host : List.of("127.0.0.1", "127.0.0.12")) {
            try (SmtpClient client = SmtpClient.connectFrom(host, publicPort())) {
                SmtpClient.expect(client.readReply(), 220);
                SmtpClient.expect(client.command("EHLO relay.test"), 250);
                SmtpClient.expect(client.command("MAIL FROM:<spammer@relay.test>"), 250);
                SmtpReply rcpt = client.command("RCPT TO:<victim@" + PARTNER_DOMAIN + ">");
                assertEquals(host + ": " + rcpt, 550, rcpt.code());
                assertTrue(rcpt.toString(), rcpt.text().contains("relay not permitted"));
            }
        }
        // Private listener: a host outside the relay list is not even greeted.
        admin("gatehouse:hat-group-add --comment Outsiders private OUTSIDE BLOCKED");
        admin("gatehouse:hat-group-move --top private OUTSIDE");
        admin("gatehouse:hat-entry-add private OUTSIDE 127.0.0.13");
        awaitGroup("private", "127.0.0.13", "OUTSIDE");
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.13", privatePort())) {
            assertEquals(554, client.readReply().code());
        }
        // ... while relaying hosts still relay.
        String marker = TestMessage.marker();
        assertEquals(250, sendMail(privatePort(), "app@example.com", "someone@" + PARTNER_DOMAIN, marker).code());
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
    }

    /** SCENARIOS.md 6: a directory harvest attack is cut off; valid senders are unaffected. */
    @Test
    public void aHarvestingHostIsCutOffForTheHour() throws Exception {
        admin("gatehouse:policy-add public HARVEST ACCEPT");
        admin("gatehouse:policy-set public HARVEST max.invalid.recipients.per.hour 3");
        admin("gatehouse:hat-group-add --comment Harvesters public HARVESTERS HARVEST");
        admin("gatehouse:hat-group-move --top public HARVESTERS");
        admin("gatehouse:hat-entry-add public HARVESTERS 127.0.0.11");
        awaitGroup("public", "127.0.0.11", "HARVESTERS");
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.11", publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpClient.expect(client.command("EHLO harvest.test"), 250);
            SmtpClient.expect(client.command("MAIL FROM:<h@harvest.test>"), 250);
            assertEquals(550, client.command("RCPT TO:<a1@nowhere.test>").code());
            assertEquals(550, client.command("RCPT TO:<a2@nowhere.test>").code());
            SmtpReply third = client.command("RCPT TO:<a3@nowhere.test>");
            assertTrue(third.toString(), third.text().contains("Too many invalid recipients"));
            assertTrue("the harvester is dropped", client.isClosedByServer());
        }
        try (SmtpClient again = SmtpClient.connectFrom("127.0.0.11", publicPort())) {
            SmtpClient.expect(again.readReply(), 220);
            SmtpClient.expect(again.command("EHLO harvest.test"), 250);
            SmtpClient.expect(again.command("MAIL FROM:<h@harvest.test>"), 250);
            SmtpReply valid = again.command("RCPT TO:<" + RECIPIENT + ">");
            assertTrue("even a valid recipient is refused for the hour: " + valid,
                    valid.code() >= 500 && valid.text().contains("Too many invalid recipients"));
        }
        String why = admin("gatehouse:hat-test 127.0.0.11");
        assertTrue(why, why.toLowerCase().contains("cut off until"));
        String marker = TestMessage.marker();
        assertEquals("other senders are unaffected", 250,
                sendMail(publicPort(), "alice@sender.test", RECIPIENT, marker).code());
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
    }

    /** SCENARIOS.md 1: one partner must use TLS; everyone else stays as is. */
    @Test
    public void aPartnerMustUseTlsAndOthersAreUnaffected() throws Exception {
        admin("gatehouse:policy-add public TLS_REQUIRED ACCEPT");
        admin("gatehouse:policy-set public TLS_REQUIRED tls REQUIRED");
        admin("gatehouse:hat-group-add --comment Partner public TLS_SENDERS TLS_REQUIRED");
        admin("gatehouse:hat-group-move --after BLACKLIST public TLS_SENDERS");
        admin("gatehouse:hat-entry-add public TLS_SENDERS .partner.test");
        // 127.0.0.5 is mx1.partner.test, forward-confirmed; 127.0.0.6 only claims a partner name.
        awaitGroup("public", "127.0.0.5", "TLS_SENDERS");
        awaitGroup("public", "127.0.0.6", "UNKNOWNLIST");
        String marker = TestMessage.marker();
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.5", publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpClient.expect(client.command("EHLO mx1.partner.test"), 250);
            SmtpReply plain = client.command("MAIL FROM:<a@" + PARTNER_DOMAIN + ">");
            assertEquals(plain.toString(), 530, plain.code());
            assertTrue(plain.toString(), plain.text().contains("5.7.0"));
            SmtpClient.expect(client.command("STARTTLS"), 220);
            client.upgradeToTls();
            SmtpClient.expect(client.command("EHLO mx1.partner.test"), 250);
            SmtpClient.expect(client.command("MAIL FROM:<a@" + PARTNER_DOMAIN + ">"), 250);
            SmtpClient.expect(client.command("RCPT TO:<" + RECIPIENT + ">"), 250);
            SmtpClient.expect(client.command("DATA"), 354);
            SmtpClient.expect(client.data(TestMessage.simple("a@" + PARTNER_DOMAIN, RECIPIENT, marker)), 250);
        }
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
        assertTrue(mailLog().contains("address 127.0.0.5 reverse dns host mx1.partner.test verified yes"));
        try (SmtpClient other = SmtpClient.connectFrom("127.0.0.6", publicPort())) {
            SmtpClient.expect(other.readReply(), 220);
            SmtpClient.expect(other.command("EHLO liar.partner.test"), 250);
            SmtpClient.expect(other.command("MAIL FROM:<b@elsewhere.test>"), 250);
        }
    }

    /** TRUSTED turns anti-spam off: the work queue skips the stage and says why. */
    @Test
    public void trustedSendersSkipAntiSpam() throws Exception {
        admin("gatehouse:hat-entry-add public WHITELIST 127.0.0.14");
        awaitGroup("public", "127.0.0.14", "WHITELIST");
        String marker = TestMessage.marker();
        long mid;
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.14", publicPort())) {
            SmtpReply reply = client.sendMail("ceo@partner.test", List.of(RECIPIENT),
                    TestMessage.simple("ceo@partner.test", RECIPIENT, marker));
            assertEquals(reply.toString(), 250, reply.code());
            mid = queuedMid(reply);
        }
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
        assertTrue(mailLog().contains("MID " + mid + " antispam skipped: policy TRUSTED turns it off"));
        assertFalse("not scanned for spam", sink.receivedWith(marker).get(0).content().contains("X-Gatehouse-Spam"));
    }
}
