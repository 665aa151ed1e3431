package org.gatehouse.api;

/**
 * The terms a connection gets (immutable). Limits of 0 or less mean "no limit".
 *
 * @param name                     e.g. ACCEPTED, RELAYED
 * @param access                   what happens to the connection
 * @param maxMessageSize           octets; advertised in SIZE
 * @param maxConnectionsPerIp      concurrent connections from one address
 * @param maxMessagesPerConnection messages in one session
 * @param maxRecipientsPerMessage  RCPTs in one transaction
 * @param banner                   the 220 greeting text ({@code $RemoteIP}, {@code $Hostname})
 * @param rejectCode               reply code for REJECT
 * @param rejectBanner             reply text for REJECT
 * @param tls                      STARTTLS off, offered, or required
 */
public record MailFlowPolicy(String name, AccessRule access, long maxMessageSize,
                             int maxConnectionsPerIp, int maxMessagesPerConnection,
                             int maxRecipientsPerMessage, String banner, int rejectCode,
                             String rejectBanner, TlsLevel tls) {
}
