package org.gatehouse.hat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.HostDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reverse DNS, forward confirmation and DNS lists against a real dnsmasq. */
class HatDnsTest {

    private static Dnsmasq dnsmasq;
    private final TestClock clock = new TestClock();

    @BeforeAll
    static void startDns() throws Exception {
        dnsmasq = new Dnsmasq(List.of(
                "host-record=mail.partner.test,127.0.0.5",
                "ptr-record=5.0.0.127.in-addr.arpa,mail.partner.test",
                // A PTR whose name does not resolve back: not verified.
                "ptr-record=6.0.0.127.in-addr.arpa,liar.partner.test",
                "host-record=liar.partner.test,127.0.0.99",
                "address=/2.0.0.127.bl.test/127.0.0.2"));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dnsmasq.close();
    }

    private HatDns dns() {
        return new HatDns(dnsmasq.server(), Duration.ofMillis(1000), Duration.ofSeconds(60), clock);
    }

    @Test
    void forwardConfirmedReverseDns() throws Exception {
        HatDns dns = dns();
        assertEquals(new ReverseDnsName("mail.partner.test", true), dns.reverseName(InetAddress.getByName("127.0.0.5")));
        assertEquals(new ReverseDnsName("liar.partner.test", false), dns.reverseName(InetAddress.getByName("127.0.0.6")));
        assertEquals(ReverseDnsName.NONE, dns.reverseName(InetAddress.getByName("127.0.0.7")));
    }

    @Test
    void dnsLists() throws Exception {
        HatDns dns = dns();
        assertTrue(dns.listed(InetAddress.getByName("127.0.0.2"), "bl.test"));
        assertFalse(dns.listed(InetAddress.getByName("127.0.0.3"), "bl.test"));
        assertEquals("2.0.0.127", HatDns.reversed(InetAddress.getByName("127.0.0.2")));
    }

    @Test
    void aSilentServerMeansNoAnswerNotAnError() throws Exception {
        HatDns silent = new HatDns("127.0.0.1:9", Duration.ofMillis(200), Duration.ofSeconds(60), clock);
        assertEquals(ReverseDnsName.NONE, silent.reverseName(InetAddress.getByName("127.0.0.5")));
        assertFalse(silent.listed(InetAddress.getByName("127.0.0.2"), "bl.test"));
    }

    @Test
    void senderGroupsMatchOnRealDns() {
        ShippedConfig config = new ShippedConfig();
        config.find(config.groups, "public", "WHITELIST").put("entries", ".partner.test");
        config.find(config.groups, "public", "BLACKLIST").put("entries", "SBRS[-10:-3], dnslist[bl.test]");
        HostAccessTable hat = new HostAccessTable(dns(), new HostCounters(clock, 100));
        for (Map<String, Object> m : config.listeners) {
            hat.addPart(part(HatConfigPart.Kind.LISTENER), m);
        }
        for (Map<String, Object> m : config.policies) {
            hat.addPart(part(HatConfigPart.Kind.POLICY), m);
        }
        for (Map<String, Object> m : config.groups) {
            hat.addPart(part(HatConfigPart.Kind.SENDER_GROUP), m);
        }
        HostDecision partner = hat.decide("public", "127.0.0.5");
        assertEquals("WHITELIST", partner.senderGroup());
        assertEquals("mail.partner.test", partner.reverseDns());
        assertTrue(partner.reverseDnsVerified());
        assertEquals("UNKNOWNLIST", hat.decide("public", "127.0.0.6").senderGroup(), "unverified PTR");
        HostDecision listed = hat.decide("public", "127.0.0.2");
        assertEquals("BLACKLIST", listed.senderGroup());
        assertEquals("dnslist[bl.test]", listed.matchedRule());
    }

    private static HatConfigPart part(HatConfigPart.Kind kind) {
        return new HatConfigPart() {
            @Override
            public Kind kind() {
                return kind;
            }
        };
    }
}
