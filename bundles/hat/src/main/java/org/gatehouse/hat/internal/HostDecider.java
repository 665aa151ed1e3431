package org.gatehouse.hat.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailFlowPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one listener's sender groups top-down for a host: the first group with a matching entry
 * gives the policy, unless that policy says CONTINUE. Reverse DNS is looked up once per decision
 * (cached), as the mail log always shows it; the SBRS only when a group asks. The DNS lists the
 * table names are asked up front, alongside reverse DNS, and their answers waited for only when a
 * group gets to them.
 */
final class HostDecider {

    static final String NO_GROUP = "(none)";
    private static final Logger LOG = LoggerFactory.getLogger(HostDecider.class);

    private final HostLookups dns;
    private final Function<String, Double> reputation;

    HostDecider(HostLookups dns, Function<String, Double> reputation) {
        this.dns = dns;
        this.reputation = reputation;
    }

    /** @param hostname null to look up reverse DNS; else taken as the verified PTR name (hat-test) */
    HostTrace decide(String listener, ListenerTable table, String ip, String hostname) {
        BigInteger address = IpAddresses.parse(ip);
        InetAddress inet = address == null ? null : IpAddresses.toInetAddress(address);
        // Reverse DNS and the DNS lists are asked together: one round trip, not one after another.
        try (HostAnswers answers = inet == null ? null : dns.ask(inet, dnsListZones(table))) {
            ReverseDnsName rdns = hostname != null ? new ReverseDnsName(hostname.toLowerCase(Locale.ROOT), true)
                    : answers == null ? ReverseDnsName.NONE : answers.reverseName();
            HostFacts facts = new HostFacts(ip, address, rdns, () -> safeScore(ip),
                    zone -> answers != null && answers.listed(zone));
            return decide(listener, table, facts, rdns);
        }
    }

    private HostTrace decide(String listener, ListenerTable table, HostFacts facts, ReverseDnsName rdns) {
        if (table == null || !table.usable()) {
            String why = table == null ? "no HAT for listener " + listener
                    : "HAT for listener " + listener + " is broken: " + table.problem();
            return new HostTrace(listener, decision(NO_GROUP, why, EffectivePolicy.unavailable(why), facts, rdns),
                    null, List.of(), HostStatus.UNKNOWN);
        }
        List<String> passed = new ArrayList<>();
        for (SenderGroup group : table.groups()) {
            String hit = group.match(facts);
            if (hit == null) {
                continue;
            }
            EffectivePolicy effective = table.policies().get(group.policy());
            if (effective.policy().access() == AccessRule.CONTINUE) {
                passed.add(group.name() + " (" + hit + ")");
                continue;
            }
            return new HostTrace(listener, decision(group.name(), hit, effective.policy(), facts, rdns),
                    effective, passed, HostStatus.UNKNOWN);
        }
        // No group took the host (the admin removed ALL): fail closed with the listener's defaults.
        EffectivePolicy none = EffectivePolicy.resolve(new PolicySettings(listener, "NO_MATCH", AccessRule.REJECT,
                Map.of()), table.settings());
        return new HostTrace(listener, decision(NO_GROUP, "no sender group matched", none.policy(), facts, rdns),
                none, passed, HostStatus.UNKNOWN);
    }

    private static Set<String> dnsListZones(ListenerTable table) {
        Set<String> zones = new LinkedHashSet<>();
        if (table != null && table.usable()) {
            table.groups().forEach(group -> zones.addAll(group.dnsListZones()));
        }
        return zones;
    }

    private static HostDecision decision(String group, String rule, MailFlowPolicy policy, HostFacts facts, ReverseDnsName rdns) {
        return new HostDecision(group, rule, policy, facts.ip(), rdns.name(), rdns.verified(), facts.sbrs());
    }

    /** The reputation service must never break a decision: a failure is "none". */
    private Double safeScore(String ip) {
        try {
            return reputation.apply(ip);
        } catch (RuntimeException e) {
            LOG.warn("Sender reputation of {} failed", ip, e);
            return null;
        }
    }
}
