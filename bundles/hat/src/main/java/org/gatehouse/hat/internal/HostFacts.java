package org.gatehouse.hat.internal;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What is known about one connecting host during one decision. The reputation score and DNS
 * list answers are asked only when a sender group needs them, and at most once each.
 */
final class HostFacts {

    private final String ip;
    private final BigInteger address;
    private final ReverseDnsName reverseDns;
    private final Supplier<Double> reputation;
    private final Predicate<String> dnsList;
    private final Map<String, Boolean> listedIn = new HashMap<>();
    private boolean scored;
    private Double sbrs;

    /** @param dnsList whether the host is listed in a zone; asked only when {@code address} is not null */
    HostFacts(String ip, BigInteger address, ReverseDnsName reverseDns, Supplier<Double> reputation,
              Predicate<String> dnsList) {
        this.ip = ip;
        this.address = address;
        this.reverseDns = reverseDns;
        this.reputation = reputation;
        this.dnsList = dnsList;
    }

    String ip() {
        return ip;
    }

    /** The address as a number, or null when the listener passed something that is not an IP literal. */
    BigInteger address() {
        return address;
    }

    /** The forward-confirmed PTR name, lower case, or null: host name entries match only this. */
    String verifiedName() {
        return reverseDns.verified() ? reverseDns.name() : null;
    }

    Double sbrs() {
        if (!scored) {
            scored = true;
            sbrs = reputation.get();
        }
        return sbrs;
    }

    boolean listedIn(String zone) {
        if (address == null) {
            return false;
        }
        return listedIn.computeIfAbsent(zone, dnsList::test);
    }
}
