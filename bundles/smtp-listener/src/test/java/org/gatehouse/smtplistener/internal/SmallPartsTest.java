package org.gatehouse.smtplistener.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.RecipientCheck;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void networkListMatchesIpv4AndIpv6() throws Exception {
        NetworkList list = NetworkList.parse("127.0.0.0/8, 10.1.2.0/23 2001:db8::/32");
        assertEquals("127.0.0.0/8", list.match(InetAddress.getByName("127.9.9.9").getAddress()));
        assertEquals("10.1.2.0/23", list.match(InetAddress.getByName("10.1.3.255").getAddress()));
        assertNull(list.match(InetAddress.getByName("10.1.4.0").getAddress()));
        assertEquals("2001:db8::/32", list.match(InetAddress.getByName("2001:db8:1::5").getAddress()));
        assertNull(list.match(InetAddress.getByName("::1").getAddress()));
        assertThrows(IllegalArgumentException.class, () -> NetworkList.parse("mail.example.com"));
        assertThrows(IllegalArgumentException.class, () -> NetworkList.parse("10.0.0.0/33"));
    }

    @Test
    void builtInAccessFollowsTheListenerType() {
        ListenerSettings priv = TestConfig.settings(Path.of("/tmp"), "type", "private", "relay.networks", "192.168.0.0/16");
        BuiltInHostAccess access = new BuiltInHostAccess(priv);
        assertEquals(AccessRule.RELAY, access.decide("p", "192.168.1.1").policy().access());
        assertEquals(AccessRule.REJECT, access.decide("p", "8.8.8.8").policy().access());
        BuiltInHostAccess pub = new BuiltInHostAccess(TestConfig.settings(Path.of("/tmp")));
        assertEquals(AccessRule.ACCEPT, pub.decide("p", "8.8.8.8").policy().access());
        HostDecision host = pub.decide("p", "8.8.8.8");
        assertEquals(RecipientCheck.accept(), pub.checkRecipient("p", true, host, "a@Example.COM"));
        assertEquals(BuiltInHostAccess.RELAY_DENIED, pub.checkRecipient("p", true, host, "a@example.com.evil.org").reply());
        assertEquals(RecipientCheck.Outcome.ACCEPT,
                access.checkRecipient("p", false, access.decide("p", "192.168.1.1"), "a@evil.org").outcome());
    }

    @Test
    void pathArgumentParsing() throws Exception {
        PathArgument p = PathArgument.parse("FROM:<@relay.example:a@example.org> SIZE=12 BODY=8BITMIME", "FROM");
        assertEquals("a@example.org", p.address());
        assertEquals(Map.of("SIZE", "12", "BODY", "8BITMIME"), p.params());
        assertEquals("", PathArgument.parse("FROM:<>", "FROM").address());
        assertEquals("\"a >b\"@example.org", PathArgument.parse("TO:<\"a >b\"@example.org>", "TO").address());
        assertThrows(SmtpReplyException.class, () -> PathArgument.parse("FROM:a@example.org", "FROM"));
        assertThrows(SmtpReplyException.class, () -> PathArgument.parse("TO:<a@example.org", "TO"));
        assertThrows(SmtpReplyException.class, () -> PathArgument.parse("TO:<" + "a".repeat(65) + "@x.org>", "TO"));
    }

    @Test
    void settingsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> TestConfig.settings(Path.of("/tmp"), "type", "semi"));
        assertThrows(IllegalArgumentException.class, () -> TestConfig.settings(Path.of("/tmp"), "max.errors", 0));
        ListenerSettings s = TestConfig.settings(Path.of("/etc/karaf"), "accept.domains", "Example.com, b.org");
        assertEquals(Path.of("/etc/karaf/gatehouse-tls.p12"), s.tlsKeystore());
        assertEquals(java.util.Set.of("example.com", "b.org"), s.acceptDomains());
    }
}
