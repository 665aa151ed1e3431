package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DMARC record discovery, alignment and the policy that applies, against a real dnsmasq. */
class DmarcEvaluatorTest {

    private static Dnsmasq dnsmasq;
    private static final AtomicInteger ROLL = new AtomicInteger();
    private static DmarcEvaluator dmarc;

    @BeforeAll
    static void startDns() throws Exception {
        dnsmasq = new Dnsmasq(List.of(
                Dnsmasq.txt("_dmarc.bank.test", "v=DMARC1; p=reject; rua=mailto:d@bank.test"),
                Dnsmasq.txt("_dmarc.shop.test", "v=DMARC1; p=reject; sp=quarantine"),
                Dnsmasq.txt("_dmarc.own.shop.test", "v=DMARC1; p=none"),
                Dnsmasq.txt("_dmarc.half.test", "v=DMARC1; p=reject; pct=50"),
                Dnsmasq.txt("_dmarc.strict.test", "v=DMARC1; p=quarantine; aspf=s; adkim=s"),
                Dnsmasq.txt("_dmarc.twice.test", "v=DMARC1; p=reject"),
                Dnsmasq.txt("_dmarc.twice.test", "v=DMARC1; p=none"),
                Dnsmasq.txt("_dmarc.broken.test", "v=DMARC1; p=sometimes"),
                Dnsmasq.txt("_dmarc.lenient.test", "v=DMARC1; p=sometimes; rua=mailto:x@lenient.test"),
                Dnsmasq.txt("_dmarc.other.test", "v=spf1 -all")));
        dmarc = new DmarcEvaluator(new DnsjavaDns(dnsmasq.server(), Duration.ofSeconds(2)), PublicSuffixList.shipped(), ROLL::get);
    }

    @AfterAll
    static void stopDns() throws Exception {
        dnsmasq.close();
    }

    private static SpfVerdict spf(SpfResult result, String mailFrom) {
        return new SpfVerdict(result, "mailfrom", mailFrom, mailFrom.substring(mailFrom.indexOf('@') + 1), "", List.of());
    }

    private static DkimVerdict dkim(DkimResult result, String domain) {
        return new DkimVerdict(result, "", domain, "sel", "@" + domain, "rsa-sha256", "abcd");
    }

    private static final SpfVerdict SPF_FAIL = spf(SpfResult.FAIL, "x@elsewhere.test");

    @Test
    void alignedSpfOrDkimPasses() {
        DmarcVerdict spfOnly = dmarc.evaluate("bank.test", spf(SpfResult.PASS, "bounces@mail.bank.test"), List.of());
        assertEquals(DmarcResult.PASS, spfOnly.result());
        assertTrue(spfOnly.spfAligned());
        assertFalse(spfOnly.dkimAligned());
        assertEquals("Message from domain bank.test, DMARC pass (SPF aligned True, DKIM aligned False)", spfOnly.logText());
        DmarcVerdict dkimOnly = dmarc.evaluate("bank.test", SPF_FAIL, List.of(dkim(DkimResult.FAIL, "bank.test"),
                dkim(DkimResult.PASS, "news.bank.test")));
        assertEquals(DmarcResult.PASS, dkimOnly.result());
        assertTrue(dkimOnly.dkimAligned());
    }

    @Test
    void unalignedPassesFailAndThePolicyApplies() {
        DmarcVerdict forged = dmarc.evaluate("bank.test", spf(SpfResult.PASS, "x@spammer.test"),
                List.of(dkim(DkimResult.PASS, "spammer.test")));
        assertEquals(DmarcResult.FAIL, forged.result());
        assertEquals(DmarcPolicy.REJECT, forged.applied());
        assertEquals("dmarc=fail (p=reject dis=reject) header.from=bank.test", forged.authResult());
    }

    @Test
    void subdomainsFallBackToTheOrganizationalDomainAndItsSp() {
        DmarcVerdict sub = dmarc.evaluate("deals.shop.test", SPF_FAIL, List.of());
        assertEquals(DmarcResult.FAIL, sub.result());
        assertEquals("shop.test", sub.record().domain());
        assertEquals(DmarcPolicy.QUARANTINE, sub.applied(), "sp= for subdomains");
        assertEquals(DmarcPolicy.REJECT, dmarc.evaluate("shop.test", SPF_FAIL, List.of()).applied(), "p= for the domain itself");
        DmarcVerdict own = dmarc.evaluate("own.shop.test", SPF_FAIL, List.of());
        assertEquals("own.shop.test", own.record().domain(), "a subdomain's own record comes first");
        assertEquals(DmarcPolicy.NONE, own.applied());
        assertEquals(DmarcPolicy.REJECT, dmarc.evaluate("x.bank.test", SPF_FAIL, List.of()).applied(), "no sp=: p= applies");
    }

    @Test
    void pctSamplesTheStrictPolicy() {
        ROLL.set(10);
        assertEquals(DmarcPolicy.REJECT, dmarc.evaluate("half.test", SPF_FAIL, List.of()).applied());
        ROLL.set(70);
        DmarcVerdict outside = dmarc.evaluate("half.test", SPF_FAIL, List.of());
        assertEquals(DmarcPolicy.REJECT, outside.requested());
        assertEquals(DmarcPolicy.QUARANTINE, outside.applied());
        ROLL.set(0);
    }

    @Test
    void strictAlignmentWantsTheSameName() {
        assertEquals(DmarcResult.FAIL, dmarc.evaluate("strict.test", spf(SpfResult.PASS, "b@mail.strict.test"),
                List.of(dkim(DkimResult.PASS, "mail.strict.test"))).result());
        assertEquals(DmarcResult.PASS, dmarc.evaluate("strict.test", spf(SpfResult.PASS, "b@strict.test"), List.of()).result());
        assertTrue(dmarc.aligned("mail.bank.test", "bank.test", false));
        assertFalse(dmarc.aligned("bank.test.evil.test", "bank.test", false));
    }

    @Test
    void noUsableRecord() {
        DmarcVerdict none = dmarc.evaluate("nodmarc.test", SPF_FAIL, List.of());
        assertEquals(DmarcResult.NONE, none.result());
        assertNull(none.record());
        assertEquals(DmarcResult.NONE, dmarc.evaluate("twice.test", SPF_FAIL, List.of()).result(), "two records: none");
        assertEquals(DmarcResult.NONE, dmarc.evaluate("other.test", SPF_FAIL, List.of()).result());
        assertEquals(DmarcResult.PERMERROR, dmarc.evaluate("broken.test", SPF_FAIL, List.of()).result());
        assertEquals(DmarcPolicy.NONE, dmarc.evaluate("lenient.test", SPF_FAIL, List.of()).applied(), "bad p= with rua=: p=none");
        assertEquals(DmarcResult.PERMERROR, dmarc.evaluate("!2 From headers", SPF_FAIL, List.of()).result());
        DmarcEvaluator down = new DmarcEvaluator(new DnsjavaDns("127.0.0.1:9", Duration.ofMillis(300)), PublicSuffixList.shipped(), () -> 0);
        assertEquals(DmarcResult.TEMPERROR, down.evaluate("bank.test", SPF_FAIL, List.of()).result());
    }
}
