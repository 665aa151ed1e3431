package org.gatehouse.api;

import java.util.Set;

/**
 * The terms a connection gets (immutable; the HAT has resolved inheritance from the listener's
 * default policy). Limits of 0 or less mean "no limit".
 *
 * @param name                        e.g. ACCEPTED, RELAYED
 * @param access                      what happens to the connection
 * @param maxMessageSize              octets; advertised in SIZE
 * @param maxConnectionsPerIp         concurrent connections from one address to the listener
 * @param maxMessagesPerConnection    messages in one session
 * @param maxRecipientsPerMessage     RCPTs in one transaction
 * @param banner                      the 220 greeting text ({@code $RemoteIP}, {@code $Hostname})
 * @param rejectCode                  reply code for REJECT
 * @param rejectBanner                reply text for REJECT
 * @param tls                         STARTTLS off, offered, or required
 * @param maxRecipientsPerHour        recipients one remote host may send in an hour, across listeners
 * @param recipientsPerHourReply      the full reply past that limit ({@code 452 4.5.3 ...})
 * @param maxInvalidRecipientsPerHour directory harvest prevention: invalid recipients per host and hour
 * @param dhapReply                   the full reply to RCPTs of a host past that limit
 * @param skippedStages               pipeline stages this policy turns off (e.g. {@code antispam} for TRUSTED)
 */
public record MailFlowPolicy(String name, AccessRule access, long maxMessageSize,
                             int maxConnectionsPerIp, int maxMessagesPerConnection,
                             int maxRecipientsPerMessage, String banner, int rejectCode,
                             String rejectBanner, TlsLevel tls, int maxRecipientsPerHour,
                             String recipientsPerHourReply, int maxInvalidRecipientsPerHour,
                             String dhapReply, Set<String> skippedStages) {
    public MailFlowPolicy {
        skippedStages = Set.copyOf(skippedStages);
    }
}
