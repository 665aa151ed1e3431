package org.gatehouse.api;

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
 */
public record Connection(long icid, String listener, String remoteIp, String reverseDns,
                         boolean reverseDnsVerified, String helo, String tlsProtocol,
                         String senderGroup, String policy, Double sbrs, Set<String> skippedStages) {
    public Connection {
        skippedStages = Set.copyOf(skippedStages);
    }

    /** A connection whose policy turned no stage off. */
    public Connection(long icid, String listener, String remoteIp, String reverseDns,
                      boolean reverseDnsVerified, String helo, String tlsProtocol,
                      String senderGroup, String policy, Double sbrs) {
        this(icid, listener, remoteIp, reverseDns, reverseDnsVerified, helo, tlsProtocol, senderGroup, policy,
                sbrs, Set.of());
    }
}
