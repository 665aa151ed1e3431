package org.gatehouse.smtplistener.internal;

import java.util.Locale;
import java.util.Set;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostAccess;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.api.RecipientCheck;
import org.gatehouse.api.TlsLevel;

/**
 * What a listener does while no HAT (HostAccess service) is installed: a public listener
 * accepts every host but only recipients in accept.domains (never an open relay); a private
 * listener relays for hosts in relay.networks and refuses all others at connect.
 */
final class BuiltInHostAccess implements HostAccess {

    static final String REJECT_TEXT = "5.7.1 Access denied";
    static final String RELAY_DENIED = "550 5.7.1 Recipient address rejected: relay not permitted";

    private final ListenerType type;
    private final Set<String> acceptDomains;
    private final NetworkList relayNetworks;
    private final MailFlowPolicy accepted;
    private final MailFlowPolicy relayed;
    private final MailFlowPolicy blocked;

    BuiltInHostAccess(ListenerSettings settings) {
        this.type = settings.type();
        this.acceptDomains = settings.acceptDomains();
        this.relayNetworks = settings.relayNetworks();
        long size = settings.maxMessageSize();
        this.accepted = policy("ACCEPTED", AccessRule.ACCEPT, size, "", TlsLevel.PREFERRED);
        this.relayed = policy("RELAYED", AccessRule.RELAY, size, "", TlsLevel.PREFERRED);
        this.blocked = policy("BLOCKED", AccessRule.REJECT, size, REJECT_TEXT, TlsLevel.OFF);
    }

    /** Only the size limit: the built-in table keeps no counters and knows no other limits. */
    private static MailFlowPolicy policy(String name, AccessRule access, long size, String rejectText, TlsLevel tls) {
        return new MailFlowPolicy(name, access, size, 0, 0, 0, "", 554, rejectText, tls, 0, "", 0, "", Set.of());
    }

    @Override
    public HostDecision decide(String listener, String remoteIp) {
        if (type == ListenerType.PUBLIC) {
            return decision("UNKNOWNLIST", "ALL", accepted, remoteIp);
        }
        String match = matchRelayNetwork(remoteIp);
        return match != null ? decision("RELAYLIST", match, relayed, remoteIp) : decision("ALL", "ALL", blocked, remoteIp);
    }

    private static HostDecision decision(String group, String rule, MailFlowPolicy policy, String remoteIp) {
        return new HostDecision(group, rule, policy, remoteIp, null, false, null);
    }

    private String matchRelayNetwork(String remoteIp) {
        byte[] literal = NetworkList.literal(remoteIp);
        return literal == null ? null : relayNetworks.match(literal);
    }

    @Override
    public RecipientCheck checkRecipient(String listener, boolean publicListener, HostDecision host, String address) {
        if (!publicListener || host.policy().access() == AccessRule.RELAY) {
            return RecipientCheck.accept();
        }
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        return acceptDomains.contains(domain) ? RecipientCheck.accept() : RecipientCheck.refuse(RELAY_DENIED, "ALL");
    }
}
