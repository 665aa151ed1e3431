package org.gatehouse.smtplistener.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostAccess;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailFlowPolicy;
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
        this.accepted = new MailFlowPolicy("ACCEPTED", AccessRule.ACCEPT, size, 0, 0, 0, "", 554, "", TlsLevel.PREFERRED);
        this.relayed = new MailFlowPolicy("RELAYED", AccessRule.RELAY, size, 0, 0, 0, "", 554, "", TlsLevel.PREFERRED);
        this.blocked = new MailFlowPolicy("BLOCKED", AccessRule.REJECT, size, 0, 0, 0, "", 554, REJECT_TEXT, TlsLevel.OFF);
    }

    @Override
    public HostDecision decide(String listener, String remoteIp, String reverseDns) {
        if (type == ListenerType.PUBLIC) {
            return new HostDecision("UNKNOWNLIST", "ALL", accepted);
        }
        String match = matchRelayNetwork(remoteIp);
        return match != null ? new HostDecision("RELAYLIST", match, relayed) : new HostDecision("ALL", "ALL", blocked);
    }

    private String matchRelayNetwork(String remoteIp) {
        byte[] literal = NetworkList.literal(remoteIp);
        if (literal == null) {
            return null;
        }
        try {
            return relayNetworks.match(InetAddress.getByAddress(literal));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of wrong length for " + remoteIp, e);
        }
    }

    @Override
    public String checkRecipient(String listener, String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        return acceptDomains.contains(domain) ? null : RELAY_DENIED;
    }
}
