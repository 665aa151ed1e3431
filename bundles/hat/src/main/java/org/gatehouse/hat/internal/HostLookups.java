package org.gatehouse.hat.internal;

import java.net.InetAddress;
import java.util.Collection;

/** The DNS facts sender groups may need about a host ({@link HatDns} asks a real DNS server). */
interface HostLookups {

    /** The PTR name and whether it is forward-confirmed; {@link ReverseDnsName#NONE} when unknown. */
    ReverseDnsName reverseName(InetAddress address);

    /** True when the address is listed in the DNS list zone. */
    boolean listed(InetAddress address, String zone);

    /**
     * Asks reverse DNS and every DNS list a decision may need at once, so they cost one round
     * trip together. This default asks each one only when it is needed.
     */
    default HostAnswers ask(InetAddress address, Collection<String> zones) {
        return new HostAnswers() {
            @Override
            public ReverseDnsName reverseName() {
                return HostLookups.this.reverseName(address);
            }

            @Override
            public boolean listed(String zone) {
                return HostLookups.this.listed(address, zone);
            }

            @Override
            public void close() {
            }
        };
    }
}
