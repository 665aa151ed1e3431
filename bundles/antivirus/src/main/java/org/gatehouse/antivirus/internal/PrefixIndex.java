package org.gatehouse.antivirus.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The multi-pattern search for anchors of four bytes or more. Each anchor is filed under the
 * four-byte grams that start at its first {@code step} offsets, where {@code step} is the
 * shortest anchor's length less three (at most {@link #MAX_STEP}); the scan then looks only at
 * every {@code step}-th window of the data, since any anchor that occurs has one of those grams
 * at such a window. Each window is tested against a bit filter small enough to stay in the CPU
 * cache, and the (rare) windows that pass are looked up. One pass whatever the number of
 * signatures, and much faster than a large Aho-Corasick automaton, whose tables stop fitting in
 * the cache beyond a few thousand patterns.
 */
final class PrefixIndex {

    static final int WIDTH = 4;
    /** Grams filed per anchor at most: a longer step grows the filter more than it saves. */
    static final int MAX_STEP = 5;
    /** Reads each window as one big-endian int: no chain of shifts from one byte to the next. */
    private static final VarHandle WINDOW = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final int filterBits;
    private final long[] filter;
    /** Open addressing, at most a quarter full, so that a window that passed the filter in vain is told in one or two probes. */
    private final int[] keys;
    /** Per slot: entries {@code signature << 3 | offset of the gram in the anchor}. */
    private final int[][] entries;
    private final int slotShift;
    private final int mask;
    private final int step;

    /** {@code anchors.get(i)} is signature i's anchor, or null when it is shorter than {@link #WIDTH}. */
    PrefixIndex(List<byte[]> anchors) {
        int shortest = Integer.MAX_VALUE;
        int count = 0;
        for (byte[] a : anchors) {
            if (a != null && a.length >= WIDTH) {
                shortest = Math.min(shortest, a.length);
                count++;
            }
        }
        step = count == 0 ? 1 : Math.min(MAX_STEP, shortest - WIDTH + 1);
        int grams = Math.max(16, count * step);
        // About 64 filter bits per gram (a window passes in vain ~1.5% of the time), 16 to 256 KB.
        filterBits = Math.max(17, Math.min(21, 32 - Integer.numberOfLeadingZeros(grams * 64 - 1)));
        filter = new long[(1 << filterBits) / 64];
        int size = Integer.highestOneBit(grams) * 4;
        keys = new int[size];
        entries = new int[size][];
        mask = size - 1;
        slotShift = 32 - Integer.numberOfTrailingZeros(size);
        for (int i = 0; i < anchors.size(); i++) {
            byte[] a = anchors.get(i);
            if (a == null || a.length < WIDTH) {
                continue;
            }
            for (int k = 0; k < step; k++) {
                int key = (int) WINDOW.get(a, k);
                int bit = bit(key);
                filter[bit >>> 6] |= 1L << bit;
                int slot = slot(key);
                int entry = i << 3 | k;
                entries[slot] = entries[slot] == null ? new int[] {entry} : append(entries[slot], entry);
                keys[slot] = key;
            }
        }
    }

    private int bit(int key) {
        return (key * 0x9E3779B1) >>> (32 - filterBits);
    }

    private int slot(int key) {
        int s = (key * 0x85EBCA6B) >>> slotShift;
        while (entries[s] != null && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /**
     * Reports (signature, position where its anchor would start) for every place where one of
     * its grams occurs: a candidate, which the caller verifies from the anchor's first byte.
     */
    void scan(byte[] data, int length, AnchorAutomaton.Hits hits) {
        int end = Math.min(length, data.length) - WIDTH;
        for (int i = 0; i <= end; i += step) {
            int window = (int) WINDOW.get(data, i);
            int bit = bit(window);
            if ((filter[bit >>> 6] & 1L << bit) == 0) {
                continue;
            }
            int[] found = entries[slot(window)];
            if (found != null) {
                for (int e : found) {
                    int start = i - (e & 7);
                    if (start >= 0 && hits.at(e >>> 3, start)) {
                        return;
                    }
                }
            }
        }
    }

    private static int[] append(int[] a, int v) {
        int[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = v;
        return r;
    }
}
