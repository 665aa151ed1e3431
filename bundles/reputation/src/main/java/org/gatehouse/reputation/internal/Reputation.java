package org.gatehouse.reputation.internal;

import java.time.Duration;
import java.util.List;

/**
 * The bundle's own service: scores, the reasons behind them, and the history the pipeline feeds.
 * Not licence-gated, so the console can diagnose a host without a licence; what the licence
 * gates is the {@link org.gatehouse.api.SenderReputation} the HAT uses and the history stage.
 */
public interface Reputation {

    /** The SBRS of the address, or null for none. Throws IllegalArgumentException for a non-address. */
    Double score(String remoteIp);

    /** The score and why: each zone's answer, the history, the cache age. */
    Explanation explain(String remoteIp);

    /** Zones, cache and history sizes. */
    Status status();

    /**
     * Counts one message from the host in its local history (the pipeline's verdict), once per MID.
     * Never throws for a bad address: there is simply nothing to learn.
     */
    void learn(String remoteIp, long mid, MessageOutcome outcome);

    /** Forgets the host's history and cached answers; true if anything was known. */
    boolean forget(String remoteIp);

    /**
     * The SBRS with its parts.
     *
     * @param address      the address as normalised
     * @param zones        each zone's answer
     * @param dnsScore     the zones' combined score, or null
     * @param cacheAge     how old the zone answers are (zero when just asked)
     * @param history      the host's decayed counts
     * @param historyPoints what the history adds, or null when too little
     * @param score        the SBRS, or null for none
     */
    record Explanation(String address, List<ZoneAnswer> zones, Double dnsScore, Duration cacheAge,
                       HostHistory history, Double historyPoints, Double score) {
    }

    /**
     * @param enabled   the {@code enabled} setting
     * @param server    the DNS server asked
     * @param zones     the configured zones with their failure counts
     * @param cachedHosts hosts with cached zone answers
     * @param knownHosts  hosts with local history
     * @param halfLife  the history's half-life
     * @param history   how history scores
     * @param configErrors settings that were ignored or unusable, in words
     */
    record Status(boolean enabled, String server, List<ZoneStatus> zones, int cachedHosts, int knownHosts,
                  Duration halfLife, HistoryScore history, List<String> configErrors) {
    }

    /** One configured zone and how it has been answering. */
    record ZoneStatus(String zone, String mapping, int failuresInRow, long failuresTotal, String lastError) {
    }
}
