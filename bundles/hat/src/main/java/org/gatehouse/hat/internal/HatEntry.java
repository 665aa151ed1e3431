package org.gatehouse.hat.internal;

import java.math.BigInteger;

/** One parsed sender group entry, as the admin wrote it ({@link #text()}). */
sealed interface HatEntry {

    String text();

    /** An address, partial address, range or CIDR: every address from {@code first} to {@code last}. */
    record AddressRange(String text, BigInteger first, BigInteger last) implements HatEntry {
    }

    /** A host name that must equal the client's forward-confirmed PTR name. */
    record Hostname(String text, String name) implements HatEntry {
    }

    /** {@code .example.com}: any name below that domain (forward-confirmed PTR only). */
    record HostnameSuffix(String text, String suffix) implements HatEntry {
    }

    /** {@code SBRS[a:b]}, both ends included. */
    record SbrsRange(String text, double low, double high) implements HatEntry {
    }

    /** {@code SBRS[none]}: the reputation service knows nothing about the host (or is absent). */
    record SbrsNone(String text) implements HatEntry {
    }

    /** {@code dnslist[zone]}: listed when {@code <reversed ip>.<zone>} has an A record. */
    record DnsList(String text, String zone) implements HatEntry {
    }

    /** {@code ALL}. */
    record All(String text) implements HatEntry {
    }
}
