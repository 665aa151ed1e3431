package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestFeatureKeys;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.junit.Before;
import org.junit.Test;

/**
 * A capability as licensing turns it on and off: anti-virus is not in this container's
 * evaluation, so until a key licenses it mail is not scanned; a key minted now (by the vendor
 * tool) with an expiry a minute away installs the Karaf feature and the stage, which then
 * quarantines EICAR; at the expiry the stage goes, and mail goes on flowing without waiting
 * for it.
 */
public class LicensedStageIT extends StageTestSupport {

    private static final int KEY_LIFETIME_SECONDS = 60;

    @Before
    public void connectWhenLicensingIsUp() throws Exception {
        console = Console.onPort(port(TestPorts.SSH));
        within(60).until(() -> console.run("gatehouse:featurekey-list").output().contains("Installation ID:"));
    }

    @Test
    public void aKeyTurnsTheStageOnAndItsExpiryTurnsItOffWhileMailFlows() throws Exception {
        assertFalse("not licensed yet", installedFeatures().contains("gatehouse-antivirus "));
        String unscanned = TestMessage.marker();
        assertEquals(250, sendEicar(publicPort(), "alice@sender.test", "bob@example.com", unscanned).code());
        within(30).until(() -> !sink.receivedWith(unscanned).isEmpty());

        Instant expiry = Instant.now().plusSeconds(KEY_LIFETIME_SECONDS).truncatedTo(ChronoUnit.SECONDS);
        Path key = TestFeatureKeys.mintNow("itest-antivirus", "antivirus=" + expiry);
        Console.Result installed = console.run("gatehouse:featurekey-install " + key);
        assertEquals(installed.output(), 0, installed.exitCode());
        within(60).until(() -> installedFeatures().contains("gatehouse-antivirus "));
        within(30).until(() -> stageRow("antivirus").matches(".*\\byes\\b.*\\bactive\\b.*"));

        String infected = TestMessage.marker();
        SmtpReply reply = sendEicar(publicPort(), "alice@sender.test", "bob@example.com", infected);
        assertEquals(reply.toString(), 250, reply.code());
        long infectedMid = queuedMid(reply);
        within(30).until(() -> mailLog().contains("MID " + infectedMid + " antivirus"));
        String clean = TestMessage.marker();
        assertEquals(250, sendMail(publicPort(), "alice@sender.test", "bob@example.com", clean).code());
        within(30).until(() -> !sink.receivedWith(clean).isEmpty());
        assertTrue("a scanned message says so",
                sink.receivedWith(clean).get(0).content().contains("X-Gatehouse-Virus-Verdict: clean"));
        String held = console.run("gatehouse:queue-list").output();
        assertTrue(held, held.lines().anyMatch(l -> l.trim().startsWith(infectedMid + " ") && l.contains("held")));
        assertTrue("the infected message never reached the sink", sink.receivedWith(infected).isEmpty());

        // The expiry: the entitlement goes at the instant, the stage with it; mail keeps flowing
        // through what is left (nothing waits for an unlicensed stage).
        within(KEY_LIFETIME_SECONDS + 30).pollInterval(Duration.ofSeconds(1))
                .until(() -> stageRow("antivirus").matches(".*\\bno\\b.*\\bnot expected\\b.*"));
        within(10).until(() -> mailLog().contains("antivirus is off from now on"));
        String after = TestMessage.marker();
        SmtpReply afterReply = sendMail(publicPort(), "alice@sender.test", "bob@example.com", after);
        assertEquals(afterReply.toString(), 250, afterReply.code());
        within(30).until(() -> !sink.receivedWith(after).isEmpty());
        assertFalse("no longer scanned", sink.receivedWith(after).get(0).content().contains("X-Gatehouse-Virus"));
    }
}
