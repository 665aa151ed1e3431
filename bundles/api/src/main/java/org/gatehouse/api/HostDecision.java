package org.gatehouse.api;

/**
 * The HAT's answer for one connecting host.
 *
 * @param senderGroup the sender group that matched
 * @param matchedRule the entry of that group that matched, e.g. {@code 127.0.0.0/8} or {@code ALL}
 * @param policy      the mail flow policy in force for the connection
 */
public record HostDecision(String senderGroup, String matchedRule, MailFlowPolicy policy) {
}
