package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.StageResult;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stage end to end on a real dnsmasq: headers, annotations, mail log lines, DMARC actions, policy switches. */
class MailAuthStageTest {

    private static final String CLIENT = "192.0.2.10";
    private static Dnsmasq dnsmasq;
    private static KeyPair key;
    private final List<String> log = new ArrayList<>();
    private final MailLog mailLog = new MailLog() {
        @Override
        public void info(MailEvent event) {
            log.add(event.text());
        }

        @Override
        public void warning(MailEvent event) {
            log.add(event.text());
        }
    };

    @BeforeAll
    static void startDns() throws Exception {
        key = TestSigner.rsa();
        dnsmasq = new Dnsmasq(List.of(
                Dnsmasq.txt("b.test", "v=spf1 ip4:192.0.2.0/24 -all"),
                Dnsmasq.txt("_dmarc.b.test", "v=DMARC1; p=reject"),
                Dnsmasq.txt("sel._domainkey.b.test", TestSigner.keyRecord(key.getPublic())),
                Dnsmasq.txt("q.test", "v=spf1 -all"),
                Dnsmasq.txt("_dmarc.q.test", "v=DMARC1; p=quarantine"),
                Dnsmasq.txt("spammer.test", "v=spf1 +all")));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dnsmasq.close();
    }

    private static MailAuthSettings settings(DmarcAction reject, DmarcAction quarantine) {
        MailAuthSettings d = MailAuthSettings.defaults();
        return new MailAuthSettings(true, true, true, dnsmasq.server(), Duration.ofSeconds(2), "gatehouse.test", reject, quarantine,
                "dmarc", "[DMARC FAIL]", true, false, d.problems());
    }

    private MailAuthStage stage(DmarcAction reject, DmarcAction quarantine) {
        return new MailAuthStage(new MailAuthEngine(settings(reject, quarantine), Clock.systemUTC(), () -> 0), mailLog);
    }

    private static String message(String from) {
        return "From: " + from + "\r\nTo: bob@example.com\r\nSubject: Hello\r\nMessage-ID: <1@x>\r\n\r\nHi Bob.\r\n";
    }

    @Test
    void anAuthenticSenderPassesEverything() throws Exception {
        String signed = new TestSigner(key.getPrivate(), "b.test", "sel").sign(message("Alice <a@b.test>"));
        TestMessage m = new TestMessage(5, CLIENT, "mail.b.test", "a@b.test", Map.of(), signed);
        StageResult result = stage(DmarcAction.QUARANTINE, DmarcAction.QUARANTINE).process(m);
        assertEquals(Verdict.CONTINUE, result.verdict());
        String ar = m.setHeaders.get("Authentication-Results");
        assertTrue(ar.startsWith("gatehouse.test; spf=pass"), ar);
        assertTrue(ar.contains("smtp.mailfrom=a@b.test"), ar);
        assertTrue(ar.contains("; dkim=pass (rsa-sha256) header.d=b.test header.s=sel header.i=@b.test header.b="), ar);
        assertTrue(ar.endsWith("; dmarc=pass (p=reject dis=none) header.from=b.test"), ar);
        assertEquals(Map.of("mailauth.spf", "pass", "mailauth.dkim", "pass", "mailauth.dkim.signatures", "pass d=b.test s=sel",
                "mailauth.dmarc", "pass", "mailauth.dmarc.domain", "b.test"), m.annotations());
        assertEquals(List.of("MID 5 SPF: mailfrom identity a@b.test Pass",
                "MID 5 DKIM: pass signature verified (d=b.test s=sel i=@b.test)",
                "MID 5 DMARC: Message from domain b.test, DMARC pass (SPF aligned True, DKIM aligned True)",
                "MID 5 DMARC: Verification passed"), log);
    }

    @Test
    void aForgedFromOfARejectDomainIsQuarantined() throws Exception {
        TestMessage m = new TestMessage(6, "203.0.113.9", "spammer.test", "x@spammer.test", Map.of(), message("Bank <service@b.test>"));
        StageResult result = stage(DmarcAction.QUARANTINE, DmarcAction.QUARANTINE).process(m);
        assertEquals(Verdict.QUARANTINE, result.verdict());
        assertEquals("dmarc", result.quarantine());
        assertEquals("fail", m.annotations().get("mailauth.dmarc"));
        assertEquals("reject", m.annotations().get("mailauth.dmarc.policy"));
        assertTrue(m.setHeaders.get("Authentication-Results").contains("dkim=none; dmarc=fail (p=reject dis=reject) header.from=b.test"),
                m.setHeaders.get("Authentication-Results"));
        assertTrue(log.contains("MID 6 DMARC: Verification failed, policy reject applied: quarantine dmarc"), log.toString());
        assertEquals(Verdict.DROP, stage(DmarcAction.DROP, DmarcAction.QUARANTINE).process(m).verdict());
        assertEquals(Verdict.CONTINUE, stage(DmarcAction.DELIVER, DmarcAction.QUARANTINE).process(m).verdict());
    }

    @Test
    void quarantinePolicyCanTagTheSubjectInstead() throws Exception {
        TestMessage m = new TestMessage(7, CLIENT, "h.test", "x@q.test", Map.of(), message("<a@q.test>"));
        assertEquals(Verdict.QUARANTINE, stage(DmarcAction.QUARANTINE, DmarcAction.QUARANTINE).process(m).verdict());
        TestMessage tagged = new TestMessage(8, CLIENT, "h.test", "x@q.test", Map.of(), message("<a@q.test>"));
        assertEquals(Verdict.CONTINUE, stage(DmarcAction.QUARANTINE, DmarcAction.TAG).process(tagged).verdict());
        assertEquals("[DMARC FAIL] Hello", tagged.setHeaders.get("Subject"));
    }

    @Test
    void thePolicyTurnsChecksOffButDmarcStillComputesSpf() throws Exception {
        TestMessage m = new TestMessage(9, CLIENT, "h.test", "a@b.test", Map.of("mailauth.spf", "off", "mailauth.dkim", "off"),
                message("<a@b.test>"));
        assertEquals(Verdict.CONTINUE, stage(DmarcAction.QUARANTINE, DmarcAction.QUARANTINE).process(m).verdict());
        assertNull(m.annotations().get("mailauth.spf"));
        assertEquals("pass", m.annotations().get("mailauth.dmarc"), "aligned SPF pass, computed for DMARC");
        assertEquals("gatehouse.test; dmarc=pass (p=reject dis=none) header.from=b.test", m.setHeaders.get("Authentication-Results"));
        TestMessage off = new TestMessage(10, CLIENT, "h.test", "a@b.test",
                Map.of("mailauth.spf", "off", "mailauth.dkim", "off", "mailauth.dmarc", "off"), message("<a@b.test>"));
        assertEquals(Verdict.CONTINUE, stage(DmarcAction.QUARANTINE, DmarcAction.QUARANTINE).process(off).verdict());
        assertTrue(off.setHeaders.isEmpty());
        assertFalse(off.annotations().containsKey("mailauth.spf"));
        assertTrue(MailAuthStage.on(off.connection(), "x", true));
    }

    @Test
    void submissionsOfAuthenticatedUsersAreNotChecked() throws Exception {
        TestMessage m = new TestMessage(11, "203.0.113.9", "laptop", "a@b.test", Map.of(), message("<a@b.test>")) {
            @Override
            public org.gatehouse.api.Connection connection() {
                org.gatehouse.api.Connection c = super.connection();
                return new org.gatehouse.api.Connection(c.icid(), c.listener(), c.remoteIp(), null, false, c.helo(), null,
                        c.senderGroup(), c.policy(), null, java.util.Set.of(), "alice", Map.of());
            }
        };
        assertEquals(Verdict.CONTINUE, stage(DmarcAction.QUARANTINE, DmarcAction.QUARANTINE).process(m).verdict());
        assertEquals("SMTP AUTH submission by alice", m.annotations().get("mailauth.skipped"));
        assertTrue(m.setHeaders.isEmpty());
    }
}
