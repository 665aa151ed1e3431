package org.gatehouse.hat.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The address entries of one sender group (addresses, partials, ranges, CIDRs) cut into
 * disjoint segments, so that a lookup is one binary search however many entries the group has.
 * Where entries overlap, the segment answers with the entry listed first.
 */
final class AddressIndex {

    private static final AddressIndex EMPTY = new AddressIndex(new long[0], new long[0], new String[0]);

    /** Segment i covers [start(i), start(i+1)) with start(i) = high[i]:low[i]; label null = no entry. */
    private final long[] startHigh;
    private final long[] startLow;
    private final String[] labels;

    private AddressIndex(long[] startHigh, long[] startLow, String[] labels) {
        this.startHigh = startHigh;
        this.startLow = startLow;
        this.labels = labels;
    }

    static AddressIndex of(List<HatEntry.AddressRange> ranges) {
        if (ranges.isEmpty()) {
            return EMPTY;
        }
        // Sweep the boundaries: at each one, entries starting there join and entries ending
        // just before leave; the segment takes the lowest-numbered (first listed) active entry.
        TreeMap<BigInteger, List<Integer>> starts = new TreeMap<>();
        TreeMap<BigInteger, List<Integer>> ends = new TreeMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            HatEntry.AddressRange r = ranges.get(i);
            starts.computeIfAbsent(r.first(), k -> new ArrayList<>()).add(i);
            if (r.last().compareTo(IpAddresses.MAX) < 0) {
                ends.computeIfAbsent(r.last().add(BigInteger.ONE), k -> new ArrayList<>()).add(i);
            }
        }
        TreeSet<BigInteger> boundaries = new TreeSet<>(starts.keySet());
        boundaries.addAll(ends.keySet());
        int n = boundaries.size();
        long[] high = new long[n];
        long[] low = new long[n];
        String[] labels = new String[n];
        TreeSet<Integer> active = new TreeSet<>();
        int s = 0;
        for (BigInteger b : boundaries) {
            ends.getOrDefault(b, List.of()).forEach(active::remove);
            active.addAll(starts.getOrDefault(b, List.of()));
            high[s] = b.shiftRight(64).longValue();
            low[s] = b.longValue();
            labels[s] = active.isEmpty() ? null : ranges.get(active.first()).text();
            s++;
        }
        return new AddressIndex(high, low, labels);
    }

    /** The entry covering the address, or null. */
    String match(BigInteger address) {
        if (labels.length == 0 || address == null) {
            return null;
        }
        long h = address.shiftRight(64).longValue();
        long l = address.longValue();
        int lo = 0;
        int hi = labels.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(startHigh[mid], startLow[mid], h, l);
            if (c <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : labels[found];
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        int c = Long.compareUnsigned(h1, h2);
        return c != 0 ? c : Long.compareUnsigned(l1, l2);
    }

    @Override
    public String toString() {
        return "AddressIndex" + Arrays.toString(labels);
    }
}
