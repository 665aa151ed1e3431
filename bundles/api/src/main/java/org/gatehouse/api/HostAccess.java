package org.gatehouse.api;

/**
 * The host and recipient access tables of listeners (implemented by the hat bundle, keyed by
 * service property {@code gatehouse.listener}). A listener asks on connect and for every RCPT.
 */
public interface HostAccess {

    /** Which sender group and mail flow policy the host gets on this listener. */
    HostDecision decide(String listener, String remoteIp, String reverseDns);

    /**
     * RAT: whether a recipient may be accepted on a public listener. Returns null to accept,
     * else the full SMTP reply to refuse with (e.g. {@code 550 5.7.1 Recipient address rejected}).
     */
    String checkRecipient(String listener, String address);
}
