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

    /** The buckets still in the hour, as {@code minute=count} pairs (absolute minutes), for a restart. */
    String save() {
        StringBuilder out = new StringBuilder();
        if (newestMinute == Long.MIN_VALUE) {
            return "-";
        }
        for (long m = newestMinute - MINUTES + 1; m <= newestMinute; m++) {
            int n = buckets[(int) Math.floorMod(m, (long) MINUTES)];
            if (n > 0) {
                out.append(out.length() == 0 ? "" : ",").append(m).append('=').append(n);
            }
        }
        return out.length() == 0 ? "-" : out.toString();
    }

    /** Counts back what {@link #save()} wrote; minutes that have left the hour since are dropped on the next count. */
    static SlidingHour restore(String saved) {
        SlidingHour hour = new SlidingHour();
        if (saved.equals("-")) {
            return hour;
        }
        long newest = Long.MIN_VALUE;
        String[] pairs = saved.split(",");
        for (String pair : pairs) {
            newest = Math.max(newest, Long.parseLong(pair.substring(0, pair.indexOf('='))));
        }
        hour.newestMinute = newest;
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            long minute = Long.parseLong(pair.substring(0, eq));
            int n = Integer.parseInt(pair.substring(eq + 1));
            if (n < 0 || minute <= newest - MINUTES) {
                throw new IllegalArgumentException("bad bucket " + pair);
            }
            hour.buckets[(int) Math.floorMod(minute, (long) MINUTES)] += n;
            hour.total += n;
        }
        return hour;
    }
}
