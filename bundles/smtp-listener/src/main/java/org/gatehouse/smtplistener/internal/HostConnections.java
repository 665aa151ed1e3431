package org.gatehouse.smtplistener.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Open connections per client address on one listener, for the policy's "max concurrent
 * connections per IP". An address leaves the map when its last connection closes, so the map
 * never holds more entries than there are open connections.
 */
final class HostConnections {

    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    /** Counts a new connection; returns how many the address has open now, this one included. */
    int opened(String remoteIp) {
        return open.merge(remoteIp, 1, Integer::sum);
    }

    void closed(String remoteIp) {
        open.computeIfPresent(remoteIp, (ip, n) -> n <= 1 ? null : n - 1);
    }
}
