package org.gatehouse.delivery.internal;

import java.net.InetAddress;
import java.util.List;

/** The DNS questions delivery asks. */
interface DnsLookup {

    /** An MX record; a target of {@code "."} is a null MX (RFC 7505). */
    record Mx(int preference, String target) {
        boolean nullMx() {
            return target.equals(".") || target.isEmpty();
        }
    }

    /** The MX records of a domain; empty when the domain exists but has none. */
    List<Mx> mx(String domain) throws DnsFailure;

    /** The A and then AAAA addresses of a host; empty when it exists but has neither. */
    List<InetAddress> addresses(String host) throws DnsFailure;

    /** A lookup that failed: the name does not exist (permanent), or DNS did not answer. */
    final class DnsFailure extends Exception {
        private final boolean permanent;

        DnsFailure(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }
}
