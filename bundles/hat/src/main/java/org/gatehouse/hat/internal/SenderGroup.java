package org.gatehouse.hat.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sender group of a listener's HAT, compiled for matching: addresses in an {@link AddressIndex},
 * host names in hash maps (a suffix walk for {@code .partial} names), the few SBRS and DNS list
 * entries in small lists. Immutable.
 */
final class SenderGroup {

    private final String name;
    private final int order;
    private final String policy;
    private final AddressIndex addresses;
    private final Map<String, String> hostnames = new HashMap<>();
    private final Map<String, String> suffixes = new HashMap<>();
    private final List<HatEntry.SbrsRange> sbrsRanges = new ArrayList<>();
    private final List<HatEntry.DnsList> dnsLists = new ArrayList<>();
    /** The zones of {@link #dnsLists}, kept so a decision's prefetch does not rebuild them per connection. */
    private final List<String> dnsListZones;
    private String sbrsNone;
    private String all;

    /** @throws IllegalArgumentException naming the first bad entry */
    SenderGroup(String name, int order, String policy, List<String> entries) {
        this.name = name;
        this.order = order;
        this.policy = policy;
        List<HatEntry.AddressRange> ranges = new ArrayList<>();
        for (String text : entries) {
            HatEntry entry = EntryParser.parse(text);
            if (entry instanceof HatEntry.AddressRange r) {
                ranges.add(r);
            } else if (entry instanceof HatEntry.Hostname h) {
                hostnames.putIfAbsent(h.name(), h.text());
            } else if (entry instanceof HatEntry.HostnameSuffix s) {
                suffixes.putIfAbsent(s.suffix(), s.text());
            } else if (entry instanceof HatEntry.SbrsRange r) {
                sbrsRanges.add(r);
            } else if (entry instanceof HatEntry.SbrsNone n) {
                sbrsNone = sbrsNone == null ? n.text() : sbrsNone;
            } else if (entry instanceof HatEntry.DnsList d) {
                dnsLists.add(d);
            } else if (entry instanceof HatEntry.All a) {
                all = all == null ? a.text() : all;
            }
        }
        this.addresses = AddressIndex.of(ranges);
        this.dnsListZones = dnsLists.stream().map(HatEntry.DnsList::zone).toList();
    }

    /** The entry that matches the host, or null. Cheap checks first; DNS lists last. */
    String match(HostFacts host) {
        String hit = addresses.match(host.address());
        if (hit != null) {
            return hit;
        }
        String verified = host.verifiedName();
        if (verified != null && (hit = matchName(verified)) != null) {
            return hit;
        }
        if (!sbrsRanges.isEmpty() || sbrsNone != null) {
            Double score = host.sbrs();
            if (score == null) {
                if (sbrsNone != null) {
                    return sbrsNone;
                }
            } else {
                for (HatEntry.SbrsRange r : sbrsRanges) {
                    if (score >= r.low() && score <= r.high()) {
                        return r.text();
                    }
                }
            }
        }
        for (HatEntry.DnsList d : dnsLists) {
            if (host.listedIn(d.zone())) {
                return d.text();
            }
        }
        return all;
    }

    private String matchName(String hostname) {
        String hit = hostnames.get(hostname);
        if (hit != null || suffixes.isEmpty()) {
            return hit;
        }
        for (int dot = hostname.indexOf('.'); dot >= 0; dot = hostname.indexOf('.', dot + 1)) {
            hit = suffixes.get(hostname.substring(dot));
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    String name() {
        return name;
    }

    int order() {
        return order;
    }

    String policy() {
        return policy;
    }

    /** The zones of this group's {@code dnslist[...]} entries. */
    List<String> dnsListZones() {
        return dnsListZones;
    }
}
