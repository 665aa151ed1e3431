package org.gatehouse.api;

import java.util.Map;
import java.util.Set;

/**
 * What the receiving listener knew about the client when the message came in.
 *
 * @param icid        the incoming connection ID of the mail log
 * @param listener    the listener's name
 * @param remoteIp    the client's IP address as text
 * @param reverseDns  the client's PTR name, or null when it has none
 * @param reverseDnsVerified the PTR name resolves back to the client's address
 * @param helo        what the client said in EHLO/HELO
 * @param tlsProtocol the TLS protocol in use, or null for clear text
 * @param senderGroup the HAT sender group that matched
 * @param policy      the mail flow policy in force
 * @param sbrs        the sender's reputation score, or null for "none"
 * @param skippedStages pipeline stages the connection's policy turned off (e.g. {@code antispam})
 * @param authenticatedUser the SMTP AUTH identity the client proved, or null when it did not authenticate
 * @param stageSettings  settings the connection's policy gives pipeline stages, keyed
 *                       {@code <stage>.<setting>} (e.g. {@code antivirus.engine = clamd})
 */
public record Connection(long icid, String listener, String remoteIp, String reverseDns,
                         boolean reverseDnsVerified, String helo, String tlsProtocol,
                         String senderGroup, String policy, Double sbrs, Set<String> skippedStages,
                         String authenticatedUser, Map<String, String> stageSettings) {
    public Connection {
        skippedStages = Set.copyOf(skippedStages);
        stageSettings = Map.copyOf(stageSettings);
    }

    /** A connection without SMTP AUTH whose policy gives stages no settings. */
    public Connection(long icid, String listener, String remoteIp, String reverseDns,
                      boolean reverseDnsVerified, String helo, String tlsProtocol,
                      String senderGroup, String policy, Double sbrs, Set<String> skippedStages) {
        this(icid, listener, remoteIp, reverseDns, reverseDnsVerified, helo, tlsProtocol, senderGroup, policy,
                sbrs, skippedStages, null, Map.of());
    }

    /** A connection whose policy turned no stage off. */
    public Connection(long icid, String listener, String remoteIp, String reverseDns,
                      boolean reverseDnsVerified, String helo, String tlsProtocol,
                      String senderGroup, String policy, Double sbrs) {
        this(icid, listener, remoteIp, reverseDns, reverseDnsVerified, helo, tlsProtocol, senderGroup, policy,
                sbrs, Set.of());
    }

    /** The policy's value of {@code <stage>.<setting>}, or null when the policy leaves it to the stage's own config. */
    public String stageSetting(String stage, String setting) {
        return stageSettings.get(stage + "." + setting);
    }
}
