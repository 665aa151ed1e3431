package org.gatehouse.hat.internal;

import java.util.Arrays;

/**
 * A count over the last hour in sixty one-minute buckets: old minutes fall out as time moves on.
 * Not thread-safe by itself; {@link HostRecord} guards it.
 */
final class SlidingHour {

    private static final int MINUTES = 60;

    private final int[] buckets = new int[MINUTES];
    /** The minute (since the epoch) of the newest bucket. */
    private long newestMinute = Long.MIN_VALUE;
    private int total;

    /** Adds one at the given time and returns the count over the hour up to it. */
    int add(long nowMillis) {
        advance(nowMillis / 60_000);
        buckets[(int) Math.floorMod(newestMinute, (long) MINUTES)]++;
        return ++total;
    }

    int count(long nowMillis) {
        advance(nowMillis / 60_000);
        return total;
    }

    private void advance(long minute) {
        if (minute <= newestMinute) {
            return;
        }
        long gap = newestMinute == Long.MIN_VALUE ? MINUTES : minute - newestMinute;
        if (gap >= MINUTES) {
            Arrays.fill(buckets, 0);
            total = 0;
        } else {
            for (long m = newestMinute + 1; m <= minute; m++) {
                int slot = (int) Math.floorMod(m, (long) MINUTES);
                total -= buckets[slot];
                buckets[slot] = 0;
            }
        }
        newestMinute = minute;
    }
}
