package org.gatehouse.api;

import java.util.Map;
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
 * @param smtpAuth                    whether AUTH is offered, and whether mail needs it
 * @param stageSettings               what the policy tells pipeline stages, keyed {@code <stage>.<setting>}
 *                                    (e.g. {@code antivirus.engine = clamd}, {@code mailauth.spf = on});
 *                                    a stage uses its own config for keys that are absent
 */
public record MailFlowPolicy(String name, AccessRule access, long maxMessageSize,
                             int maxConnectionsPerIp, int maxMessagesPerConnection,
                             int maxRecipientsPerMessage, String banner, int rejectCode,
                             String rejectBanner, TlsLevel tls, int maxRecipientsPerHour,
                             String recipientsPerHourReply, int maxInvalidRecipientsPerHour,
                             String dhapReply, Set<String> skippedStages, SmtpAuth smtpAuth,
                             Map<String, String> stageSettings) {
    public MailFlowPolicy {
        skippedStages = Set.copyOf(skippedStages);
        stageSettings = Map.copyOf(stageSettings);
    }

    /** A policy without SMTP AUTH that gives stages no settings. */
    public MailFlowPolicy(String name, AccessRule access, long maxMessageSize,
                          int maxConnectionsPerIp, int maxMessagesPerConnection,
                          int maxRecipientsPerMessage, String banner, int rejectCode,
                          String rejectBanner, TlsLevel tls, int maxRecipientsPerHour,
                          String recipientsPerHourReply, int maxInvalidRecipientsPerHour,
                          String dhapReply, Set<String> skippedStages) {
        this(name, access, maxMessageSize, maxConnectionsPerIp, maxMessagesPerConnection, maxRecipientsPerMessage,
                banner, rejectCode, rejectBanner, tls, maxRecipientsPerHour, recipientsPerHourReply,
                maxInvalidRecipientsPerHour, dhapReply, skippedStages, SmtpAuth.OFF, Map.of());
    }
}
