package org.gatehouse.reputation.internal;

import java.net.InetAddress;
import java.util.List;

/** Asks every zone about one host. Never throws: a zone that cannot answer gives a FAILED answer. */
interface ZoneLookup {

    /** One answer per zone, in the zones' order, within the configured timeout. */
    List<ZoneAnswer> lookup(InetAddress host, List<ReputationZone> zones);
}
