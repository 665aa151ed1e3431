package org.gatehouse.hat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.RecipientCheck;
import org.gatehouse.api.TlsLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole table with the shipped configuration, DNS answered by the test. */
class HostAccessTableTest {

    private record Part(Kind kind, Map<String, Object> properties) implements HatConfigPart {
    }

    private final TestClock clock = new TestClock();
    private final HostCounters counters = new HostCounters(clock, 1000);
    private final Map<String, ReverseDnsName> ptr = new HashMap<>();
    private final Set<String> listed = new HashSet<>();
    private final List<MailEvent> warnings = new ArrayList<>();
    private final ShippedConfig config = new ShippedConfig();
    private final Map<String, Part> parts = new HashMap<>();
    private HostAccessTable hat;

    @BeforeEach
    void start() {
        HostLookups dns = new HostLookups() {
            @Override
            public ReverseDnsName reverseName(InetAddress address) {
                return ptr.getOrDefault(address.getHostAddress(), ReverseDnsName.NONE);
            }

            @Override
            public boolean listed(InetAddress address, String zone) {
                return listed.contains(HatDns.reversed(address) + "." + zone);
            }
        };
        hat = new HostAccessTable(dns, counters);
        hat.setMailLog(new MailLog() {
            @Override
            public void info(MailEvent event) {
            }

            @Override
            public void warning(MailEvent event) {
                warnings.add(event);
            }
        });
        config.listeners.forEach(m -> add(HatConfigPart.Kind.LISTENER, m));
        config.policies.forEach(m -> add(HatConfigPart.Kind.POLICY, m));
        config.groups.forEach(m -> add(HatConfigPart.Kind.SENDER_GROUP, m));
    }

    private void add(HatConfigPart.Kind kind, Map<String, Object> props) {
        Part part = new Part(kind, props);
        parts.put(kind + "/" + props.get("listener") + "/" + props.get("name"), part);
        hat.addPart(part, props);
    }

    private void update(HatConfigPart.Kind kind, String listener, String name, String key, Object value) {
        Part part = parts.get(kind + "/" + listener + "/" + name);
        Map<String, Object> changed = new HashMap<>(part.properties());
        changed.put(key, value);
        hat.updatedPart(part, changed);
    }

    private void score(double sbrs) {
        hat.setReputation(ip -> sbrs);
    }

    @Test
    void shippedPublicHatSortsHostsBySbrs() {
        HostDecision unknown = hat.decide("public", "192.0.2.10");
        assertEquals("UNKNOWNLIST", unknown.senderGroup());
        assertEquals("SBRS[none]", unknown.matchedRule());
        assertEquals("ACCEPTED", unknown.policy().name());
        assertNull(unknown.sbrs());
        score(-5);
        HostDecision bad = hat.decide("public", "192.0.2.10");
        assertEquals("BLACKLIST", bad.senderGroup());
        assertEquals(AccessRule.REJECT, bad.policy().access());
        assertEquals(554, bad.policy().rejectCode());
        assertEquals(-5.0, bad.sbrs());
        score(-2);
        HostDecision suspect = hat.decide("public", "192.0.2.10");
        assertEquals("THROTTLED", suspect.policy().name());
        assertEquals(1_048_576L, suspect.policy().maxMessageSize());
        assertEquals(20, suspect.policy().maxRecipientsPerMessage());
        assertEquals(20, suspect.policy().maxRecipientsPerHour());
        score(3);
        assertEquals("SBRS[-1:10]", hat.decide("public", "192.0.2.10").matchedRule());
    }

    @Test
    void privateListenerRelaysLoopbackOnly() {
        HostDecision relay = hat.decide("private", "127.0.0.1");
        assertEquals("RELAYLIST", relay.senderGroup());
        assertEquals("127.0.0.0/8", relay.matchedRule());
        assertEquals(AccessRule.RELAY, relay.policy().access());
        HostDecision other = hat.decide("private", "192.0.2.1");
        assertEquals("ALL", other.senderGroup());
        assertEquals(AccessRule.REJECT, other.policy().access());
    }

    @Test
    void whitelistedHostsSkipAntispamAndReverseDnsIsReported() {
        update(HatConfigPart.Kind.SENDER_GROUP, "public", "WHITELIST", "entries", new String[] {"mail.partner.test"});
        ptr.put("192.0.2.5", new ReverseDnsName("mail.partner.test", true));
        HostDecision d = hat.decide("public", "192.0.2.5");
        assertEquals("WHITELIST", d.senderGroup());
        assertEquals("mail.partner.test", d.reverseDns());
        assertTrue(d.reverseDnsVerified());
        assertEquals(Set.of("antispam"), d.policy().skippedStages());
        ptr.put("192.0.2.6", new ReverseDnsName("mail.partner.test", false));
        assertEquals("UNKNOWNLIST", hat.decide("public", "192.0.2.6").senderGroup(), "unverified names never match");
    }

    @Test
    void tlsForOnePartnerOnly() {
        // Story 1: TLS_SENDERS between BLACKLIST and SUSPECTLIST with a TLS-required policy.
        Map<String, Object> policy = new HashMap<>(Map.of("listener", "public", "name", "TLS_REQUIRED",
                "access", "ACCEPT", "tls", "REQUIRED"));
        add(HatConfigPart.Kind.POLICY, policy);
        add(HatConfigPart.Kind.SENDER_GROUP, new HashMap<>(Map.of("listener", "public", "name", "TLS_SENDERS",
                "order", "25", "policy", "TLS_REQUIRED", "entries", "192.0.2.20, 192.0.2.21")));
        HostDecision partner = hat.decide("public", "192.0.2.21");
        assertEquals("TLS_SENDERS", partner.senderGroup());
        assertEquals(TlsLevel.REQUIRED, partner.policy().tls());
        assertEquals(10, partner.policy().maxConnectionsPerIp(), "inherited from the listener");
        assertEquals(TlsLevel.PREFERRED, hat.decide("public", "192.0.2.22").policy().tls());
        score(-5);
        assertEquals("BLACKLIST", hat.decide("public", "192.0.2.21").senderGroup(), "BLACKLIST is read first");
    }

    @Test
    void continueGoesOnToTheNextGroup() {
        add(HatConfigPart.Kind.POLICY, new HashMap<>(Map.of("listener", "public", "name", "LOOK_FURTHER", "access", "CONTINUE")));
        add(HatConfigPart.Kind.SENDER_GROUP, new HashMap<>(Map.of("listener", "public", "name", "FIRST",
                "order", "1", "policy", "LOOK_FURTHER", "entries", "dnslist[bl.test]")));
        listed.add("2.0.0.127.bl.test");
        HostTrace t = hat.trace("public", "127.0.0.2", null);
        assertEquals("UNKNOWNLIST", t.decision().senderGroup());
        assertEquals(List.of("FIRST (dnslist[bl.test])"), t.passed());
    }

    @Test
    void missingOrBrokenHatRefusesTemporarily() {
        HostDecision none = hat.decide("nosuch", "192.0.2.1");
        assertEquals(AccessRule.REJECT, none.policy().access());
        assertEquals(421, none.policy().rejectCode());
        assertEquals("no HAT for listener nosuch", none.matchedRule());
        update(HatConfigPart.Kind.SENDER_GROUP, "public", "WHITELIST", "entries", "10.1.1.300");
        HostDecision broken = hat.decide("public", "192.0.2.1");
        assertEquals(421, broken.policy().rejectCode());
        assertTrue(broken.matchedRule().contains("10.1.1.300"), broken.matchedRule());
        assertEquals("BLOCKED", hat.decide("private", "192.0.2.1").policy().name(),
                "other listeners are unaffected");
    }

    @Test
    void ratOnPublicListenersButNotForRelayOrPrivate() {
        HostDecision host = hat.decide("public", "192.0.2.30");
        assertEquals(RecipientCheck.Outcome.ACCEPT, hat.checkRecipient("public", true, host, "a@example.com").outcome());
        RecipientCheck relay = hat.checkRecipient("public", true, host, "a@elsewhere.test");
        assertEquals(RecipientCheck.Outcome.REFUSE, relay.outcome());
        assertEquals("550 5.7.1 Recipient address rejected: relay not permitted", relay.reply());
        HostDecision relayed = hat.decide("private", "127.0.0.1");
        assertEquals(RecipientCheck.Outcome.ACCEPT, hat.checkRecipient("private", false, relayed, "a@elsewhere.test").outcome());
        assertEquals(RecipientCheck.Outcome.ACCEPT, hat.checkRecipient("public", true, relayed, "a@elsewhere.test").outcome(),
                "a RELAY policy bypasses the RAT");
    }

    @Test
    void directoryHarvestCutsTheHostOffForAnHourOnEveryListener() {
        update(HatConfigPart.Kind.LISTENER, "public", null, "max.invalid.recipients.per.hour", "3");
        HostDecision host = hat.decide("public", "192.0.2.40");
        assertEquals(3, host.policy().maxInvalidRecipientsPerHour());
        assertEquals(RecipientCheck.Outcome.REFUSE, hat.checkRecipient("public", true, host, "x1@elsewhere.test").outcome());
        assertEquals(RecipientCheck.Outcome.ACCEPT, hat.checkRecipient("public", true, host, "ok@example.com").outcome());
        assertEquals(RecipientCheck.Outcome.REFUSE, hat.checkRecipient("public", true, host, "x2@elsewhere.test").outcome());
        RecipientCheck third = hat.checkRecipient("public", true, host, "x3@elsewhere.test");
        assertEquals(RecipientCheck.Outcome.REFUSE_AND_CLOSE, third.outcome());
        assertEquals("550 5.1.1 Too many invalid recipients", third.reply());
        assertEquals(1, warnings.size());
        assertEquals("hat.dhap", warnings.get(0).type());
        // Refused for the hour, valid recipients too, on any listener.
        HostDecision again = hat.decide("public", "192.0.2.40");
        assertEquals(RecipientCheck.Outcome.REFUSE, hat.checkRecipient("public", true, again, "ok@example.com").outcome());
        assertEquals(RecipientCheck.Outcome.REFUSE, hat.checkRecipient("private", false, hat.decide("private", "192.0.2.40"),
                "ok@example.com").outcome());
        assertTrue(hat.trace("public", "192.0.2.40", null).status().cutOffUntilMillis() > clock.millis());
        assertEquals(RecipientCheck.Outcome.ACCEPT, hat.checkRecipient("public", true, hat.decide("public", "192.0.2.41"),
                "ok@example.com").outcome(), "other hosts are unaffected");
        clock.advance(Duration.ofMinutes(60));
        assertEquals(RecipientCheck.Outcome.ACCEPT, hat.checkRecipient("public", true, again, "ok@example.com").outcome());
    }

    @Test
    void hourlyRecipientLimitIsSharedAcrossListenersAndSurvivesConfigChanges() {
        score(-2);
        HostDecision throttled = hat.decide("public", "192.0.2.50");
        for (int i = 0; i < 19; i++) {
            assertEquals(RecipientCheck.Outcome.ACCEPT, hat.checkRecipient("public", true, throttled, "a@example.com").outcome());
        }
        // A config change rebuilds the tables but keeps the counts.
        update(HatConfigPart.Kind.POLICY, "public", "THROTTLED", "max.message.size", "2000000");
        HostDecision sameHostElsewhere = new HostDecision("X", "ALL", throttled.policy(), "192.0.2.50", null, false, null);
        assertEquals(RecipientCheck.Outcome.ACCEPT, hat.checkRecipient("private", false, sameHostElsewhere, "b@x.test").outcome());
        RecipientCheck over = hat.checkRecipient("public", true, throttled, "a@example.com");
        assertEquals(RecipientCheck.Outcome.REFUSE, over.outcome());
        assertEquals("452 4.5.3 Too many recipients received this hour", over.reply());
        hat.checkRecipient("public", true, throttled, "a@example.com");
        assertEquals(1, warnings.stream().filter(w -> w.type().equals("hat.recipient-limit")).count(), "logged once");
        assertEquals(2_000_000L, hat.decide("public", "192.0.2.50").policy().maxMessageSize());
        assertEquals(1_048_576L, throttled.policy().maxMessageSize(), "an open connection keeps its policy");
    }

    @Test
    void bypassThrottlingRatEntriesAreNotCounted() {
        update(HatConfigPart.Kind.LISTENER, "public", null, "rat",
                new String[] {"postmaster@ ACCEPT bypass-throttling", "example.com ACCEPT"});
        score(-2);
        HostDecision throttled = hat.decide("public", "192.0.2.60");
        for (int i = 0; i < 20; i++) {
            hat.checkRecipient("public", true, throttled, "a@example.com");
        }
        assertEquals(RecipientCheck.Outcome.REFUSE, hat.checkRecipient("public", true, throttled, "a@example.com").outcome());
        assertEquals(RecipientCheck.Outcome.ACCEPT,
                hat.checkRecipient("public", true, throttled, "postmaster@example.com").outcome());
    }

    @Test
    void hatTestWithAHostnameShowsSourcesOfParameters() {
        update(HatConfigPart.Kind.SENDER_GROUP, "public", "WHITELIST", "entries", ".partner.test");
        HostTrace t = hat.trace("public", "198.51.100.1", "MX1.partner.test");
        assertEquals("WHITELIST", t.decision().senderGroup());
        assertEquals(".partner.test", t.decision().matchedRule());
        assertTrue(t.effective().ownValues().contains(PolicyParameter.ANTISPAM));
        assertFalse(t.effective().ownValues().contains(PolicyParameter.MAX_MESSAGE_SIZE));
        assertEquals(0, t.status().recipientsThisHour());
        assertNull(counters.peek("198.51.100.1"), "hat-test counts nothing");
    }
}
