package org.gatehouse.api;

/**
 * The HAT's answer for one connecting host, kept for the whole connection.
 *
 * @param senderGroup        the sender group that matched
 * @param matchedRule        the entry of that group that matched, e.g. {@code 127.0.0.0/8} or {@code ALL}
 * @param policy             the mail flow policy in force for the connection
 * @param remoteIp           the client's address
 * @param reverseDns         the client's PTR name, or null when it has none (or was not looked up)
 * @param reverseDnsVerified the PTR name resolves back to the client's address
 * @param sbrs               the sender's reputation score -10..+10, or null for "none"
 */
public record HostDecision(String senderGroup, String matchedRule, MailFlowPolicy policy, String remoteIp,
                           String reverseDns, boolean reverseDnsVerified, Double sbrs) {
}
