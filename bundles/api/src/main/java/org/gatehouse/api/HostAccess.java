package org.gatehouse.api;

/**
 * The host and recipient access tables of listeners (implemented by the hat bundle). A listener
 * asks on connect and for every RCPT; the HAT keeps the per-host counters (recipients per hour,
 * invalid recipients for directory harvest prevention) across all listeners.
 */
public interface HostAccess {

    /**
     * Which sender group and mail flow policy the host gets on this listener. May ask DNS
     * (reverse DNS, DNS lists) and the sender reputation, so listeners call it off their I/O threads.
     */
    HostDecision decide(String listener, String remoteIp);

    /**
     * One RCPT the listener found well-formed and within the message's recipient limit: the RAT
     * (on public listeners, unless the policy relays), the host's hourly recipient limit and
     * directory harvest prevention. Counts the recipient when it is accepted.
     *
     * @param publicListener the listener takes mail for the organisation's domains (has a RAT)
     * @param host           the decision the connection got at connect
     */
    RecipientCheck checkRecipient(String listener, boolean publicListener, HostDecision host, String address);
}
