package org.gatehouse.hat.internal;

import java.net.InetAddress;

/** The DNS facts sender groups may need about a host ({@link HatDns} asks a real DNS server). */
interface HostLookups {

    /** The PTR name and whether it is forward-confirmed; {@link ReverseDnsName#NONE} when unknown. */
    ReverseDnsName reverseName(InetAddress address);

    /** True when the address is listed in the DNS list zone. */
    boolean listed(InetAddress address, String zone);

    /** Starts asking whether the address is listed, so the answer is ready when a group needs it. */
    default void prefetchListing(InetAddress address, String zone) {
    }
}
