package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPF mechanisms, modifiers, macros and limits against a real dnsmasq serving a test zone. */
class SpfCheckerTest {

    private static final InetAddress CLIENT = IpAddresses.parse("192.0.2.10");
    private static final InetAddress STRANGER = IpAddresses.parse("198.51.100.1");
    private static final InetAddress CLIENT6 = IpAddresses.parse("2001:db8::10");

    private static Dnsmasq dnsmasq;
    private static SpfChecker spf;

    @BeforeAll
    static void startDns() throws Exception {
        List<String> zone = new ArrayList<>(List.of(
                Dnsmasq.txt("ip4.test", "v=spf1 ip4:192.0.2.0/24 -all"),
                Dnsmasq.txt("ip6.test", "v=spf1 ip6:2001:db8::/32 -all"),
                Dnsmasq.txt("a.test", "v=spf1 a -all"),
                "host-record=a.test,192.0.2.10,2001:db8::10",
                Dnsmasq.txt("acidr.test", "v=spf1 a:hosts.test/24 -all"),
                "host-record=hosts.test,192.0.2.99",
                Dnsmasq.txt("mx.test", "v=spf1 mx -all"),
                "mx-host=mx.test,mail.mx.test,10",
                "host-record=mail.mx.test,192.0.2.10",
                Dnsmasq.txt("ptr.test", "v=spf1 ptr -all"),
                "ptr-record=10.2.0.192.in-addr.arpa,mail.ptr.test",
                "host-record=mail.ptr.test,192.0.2.10",
                Dnsmasq.txt("ptrs.test", "v=spf1 ptr:nowhere.test ptr:elsewhere.test a:%{p}.nx.test ptr:ptr.test -all"),
                Dnsmasq.txt("include.test", "v=spf1 include:ip4.test -all"),
                Dnsmasq.txt("soft.test", "v=spf1 ~all"),
                Dnsmasq.txt("neutral.test", "v=spf1 ?all"),
                Dnsmasq.txt("includesoft.test", "v=spf1 include:soft.test ?all"),
                Dnsmasq.txt("includenone.test", "v=spf1 include:nospf.test -all"),
                Dnsmasq.txt("nospf.test", "just some text"),
                Dnsmasq.txt("exists.test", "v=spf1 exists:%{i}.ex.test -all"),
                "address=/192.0.2.10.ex.test/127.0.0.2",
                Dnsmasq.txt("redirect.test", "v=spf1 redirect=ip4.test"),
                Dnsmasq.txt("redirectnone.test", "v=spf1 redirect=nospf.test"),
                Dnsmasq.txt("twice.test", "v=spf1 -all"),
                Dnsmasq.txt("twice.test", "v=spf1 +all"),
                Dnsmasq.txt("badip.test", "v=spf1 ip4:300.1.1.1 -all"),
                Dnsmasq.txt("unknown.test", "v=spf1 foo -all"),
                Dnsmasq.txt("void2.test", "v=spf1 a:nx1.test a:nx2.test -all"),
                Dnsmasq.txt("void3.test", "v=spf1 a:nx1.test a:nx2.test a:nx3.test -all"),
                Dnsmasq.txt("macro.test", "v=spf1 exists:%{l}.users.test -all"),
                "address=/alice.users.test/127.0.0.2",
                Dnsmasq.txt("expl.test", "v=spf1 -all exp=why.expl.test"),
                Dnsmasq.txt("why.expl.test", "%{i} is not one of %{d}'s designated mail servers."),
                Dnsmasq.txt("unknownmod.test", "v=spf1 foo=bar ip4:192.0.2.10 -all")));
        StringBuilder eleven = new StringBuilder("v=spf1");
        for (int i = 1; i <= 11; i++) {
            zone.add(Dnsmasq.txt("l" + i + ".limit.test", "v=spf1 ?all"));
            eleven.append(" include:l").append(i).append(".limit.test");
            if (i == 10) {
                zone.add(Dnsmasq.txt("ten.limit.test", eleven + " ip4:192.0.2.10 -all"));
            }
        }
        zone.add(Dnsmasq.txt("limit.test", eleven + " -all"));
        dnsmasq = new Dnsmasq(zone);
        spf = new SpfChecker(new DnsjavaDns(dnsmasq.server(), Duration.ofSeconds(2)), "gatehouse.test");
    }

    @AfterAll
    static void stopDns() throws Exception {
        dnsmasq.close();
    }

    private static SpfResult check(InetAddress ip, String domain) {
        return spf.check(ip, "someone@" + domain, "helo.test").result();
    }

    @Test
    void ipMechanisms() {
        assertEquals(SpfResult.PASS, check(CLIENT, "ip4.test"));
        assertEquals(SpfResult.FAIL, check(STRANGER, "ip4.test"));
        assertEquals(SpfResult.PASS, check(CLIENT6, "ip6.test"));
        assertEquals(SpfResult.FAIL, check(CLIENT, "ip6.test"), "an IPv4 client never matches ip6:");
        assertEquals(SpfResult.PASS, check(IpAddresses.parse("::ffff:192.0.2.10"), "ip4.test"), "IPv4-mapped counts as IPv4");
    }

    @Test
    void aMxAndPtr() {
        assertEquals(SpfResult.PASS, check(CLIENT, "a.test"));
        assertEquals(SpfResult.PASS, check(CLIENT6, "a.test"));
        assertEquals(SpfResult.FAIL, check(STRANGER, "a.test"));
        assertEquals(SpfResult.PASS, check(CLIENT, "acidr.test"), "a:hosts.test/24 covers the /24");
        assertEquals(SpfResult.PASS, check(CLIENT, "mx.test"));
        assertEquals(SpfResult.FAIL, check(STRANGER, "mx.test"));
        assertEquals(SpfResult.PASS, check(CLIENT, "ptr.test"));
        assertEquals(SpfResult.FAIL, check(STRANGER, "ptr.test"));
    }

    @Test
    void theClientsPtrIsAskedOncePerCheck() {
        AtomicInteger asked = new AtomicInteger();
        DnsjavaDns real = new DnsjavaDns(dnsmasq.server(), Duration.ofSeconds(2));
        Dns counting = new Dns() {
            @Override
            public DnsAnswer txt(String name) {
                return real.txt(name);
            }

            @Override
            public DnsAnswer addresses(String name, boolean ipv6) {
                return real.addresses(name, ipv6);
            }

            @Override
            public DnsAnswer mx(String name) {
                return real.mx(name);
            }

            @Override
            public DnsAnswer ptr(InetAddress address) {
                asked.incrementAndGet();
                return real.ptr(address);
            }

            @Override
            public String server() {
                return real.server();
            }
        };
        assertEquals(SpfResult.PASS, new SpfChecker(counting, "gatehouse.test").check(CLIENT, "x@ptrs.test", "helo.test").result());
        assertEquals(1, asked.get(), "three ptr mechanisms and a %{p} macro, one PTR question");
    }

    @Test
    void includeRedirectAndExists() {
        assertEquals(SpfResult.PASS, check(CLIENT, "include.test"));
        assertEquals(SpfResult.FAIL, check(STRANGER, "include.test"));
        assertEquals(SpfResult.NEUTRAL, check(CLIENT, "includesoft.test"), "an included softfail is no match");
        assertEquals(SpfResult.PERMERROR, check(CLIENT, "includenone.test"), "include of a domain without SPF");
        assertEquals(SpfResult.PASS, check(CLIENT, "exists.test"));
        assertEquals(SpfResult.FAIL, check(STRANGER, "exists.test"));
        assertEquals(SpfResult.PASS, check(CLIENT, "redirect.test"));
        assertEquals(SpfResult.FAIL, check(STRANGER, "redirect.test"));
        assertEquals(SpfResult.PERMERROR, check(CLIENT, "redirectnone.test"));
    }

    @Test
    void qualifiersAndNone() {
        assertEquals(SpfResult.SOFTFAIL, check(CLIENT, "soft.test"));
        assertEquals(SpfResult.NEUTRAL, check(CLIENT, "neutral.test"));
        assertEquals(SpfResult.NONE, check(CLIENT, "nospf.test"));
        assertEquals(SpfResult.NONE, check(CLIENT, "no-such-domain.test"));
        assertEquals(SpfResult.PASS, check(CLIENT, "unknownmod.test"), "unknown modifiers are ignored");
    }

    @Test
    void syntaxErrorsAndTwoRecordsArePermErrors() {
        assertEquals(SpfResult.PERMERROR, check(CLIENT, "twice.test"));
        assertEquals(SpfResult.PERMERROR, check(CLIENT, "badip.test"));
        assertEquals(SpfResult.PERMERROR, check(CLIENT, "unknown.test"));
    }

    @Test
    void lookupLimits() {
        assertEquals(SpfResult.PASS, check(CLIENT, "ten.limit.test"), "10 DNS terms are allowed");
        SpfVerdict eleven = spf.check(CLIENT, "x@limit.test", "helo.test");
        assertEquals(SpfResult.PERMERROR, eleven.result());
        assertTrue(eleven.explanation().contains("more than 10 DNS lookups"), eleven.explanation());
        assertEquals(SpfResult.FAIL, check(CLIENT, "void2.test"), "two void lookups are allowed");
        SpfVerdict three = spf.check(CLIENT, "x@void3.test", "helo.test");
        assertEquals(SpfResult.PERMERROR, three.result());
        assertTrue(three.explanation().contains("void"), three.explanation());
    }

    @Test
    void macrosAndExplanation() {
        assertEquals(SpfResult.PASS, spf.check(CLIENT, "alice@macro.test", "helo.test").result());
        assertEquals(SpfResult.FAIL, spf.check(CLIENT, "bob@macro.test", "helo.test").result());
        SpfVerdict fail = spf.check(CLIENT, "x@expl.test", "helo.test");
        assertEquals(SpfResult.FAIL, fail.result());
        assertEquals("192.0.2.10 is not one of expl.test's designated mail servers.", fail.explanation());
    }

    @Test
    void heloIdentityForTheNullSender() {
        SpfVerdict helo = spf.check(CLIENT, "", "a.test");
        assertEquals(SpfResult.PASS, helo.result());
        assertEquals("helo", helo.identity());
        assertEquals("postmaster@a.test", helo.sender());
        assertEquals("spf=pass smtp.helo=a.test", helo.authResult().replaceAll(" \\(.*\\)", ""));
        assertEquals(SpfResult.NONE, spf.check(CLIENT, "", "[192.0.2.10]").result());
    }

    @Test
    void theWalkShowsRecordsAndMatches() {
        SpfVerdict verdict = spf.check(CLIENT, "x@include.test", "helo.test");
        String walk = String.join("\n", verdict.walk());
        assertTrue(walk.contains("include.test: v=spf1 include:ip4.test -all"), walk);
        assertTrue(walk.contains("ip4.test: v=spf1 ip4:192.0.2.0/24 -all"), walk);
        assertTrue(walk.contains("include:ip4.test matched: pass"), walk);
    }

    @Test
    void aSilentServerIsATempError() {
        SpfChecker silent = new SpfChecker(new DnsjavaDns("127.0.0.1:9", Duration.ofMillis(300)), "gatehouse.test");
        assertEquals(SpfResult.TEMPERROR, silent.check(CLIENT, "x@ip4.test", "helo.test").result());
    }
}
