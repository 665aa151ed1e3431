package org.gatehouse.antivirus.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The multi-pattern search for anchors of four bytes or more: every anchor is filed under its
 * first four bytes; the scan rolls a four-byte window over the data and tests it against a bit
 * filter small enough to stay in the CPU cache, looking up the (rare) windows that pass. One pass
 * whatever the number of signatures, and much faster than a large Aho-Corasick automaton, whose
 * tables stop fitting in the cache beyond a few thousand patterns.
 */
final class PrefixIndex {

    static final int WIDTH = 4;
    private static final int FILTER_BITS = 20;

    private final long[] filter = new long[(1 << FILTER_BITS) / 64];
    private final int[] keys;
    private final int[][] signatures;
    private final int mask;

    /** {@code anchors.get(i)} is signature i's anchor, or null when it is shorter than {@link #WIDTH}. */
    PrefixIndex(List<byte[]> anchors) {
        int size = Integer.highestOneBit(Math.max(16, anchors.size() * 2)) * 2;
        keys = new int[size];
        signatures = new int[size][];
        mask = size - 1;
        for (int i = 0; i < anchors.size(); i++) {
            byte[] a = anchors.get(i);
            if (a != null && a.length >= WIDTH) {
                int key = (a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | (a[3] & 0xFF);
                int bit = bit(key);
                filter[bit >>> 6] |= 1L << bit;
                int slot = slot(key);
                signatures[slot] = signatures[slot] == null ? new int[] {i} : append(signatures[slot], i);
                keys[slot] = key;
            }
        }
    }

    private static int bit(int key) {
        return (key * 0x9E3779B1) >>> (32 - FILTER_BITS);
    }

    private int slot(int key) {
        int s = (key * 0x85EBCA6B) >>> 7 & mask;
        while (signatures[s] != null && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /** Reports (signature, position of its anchor's first byte) for every window that is some anchor's start. */
    void scan(byte[] data, int length, AnchorAutomaton.Hits hits) {
        int window = 0;
        for (int i = 0; i < length; i++) {
            window = window << 8 | (data[i] & 0xFF);
            if (i < WIDTH - 1) {
                continue;
            }
            int bit = bit(window);
            if ((filter[bit >>> 6] & 1L << bit) == 0) {
                continue;
            }
            int[] found = signatures[slot(window)];
            if (found != null) {
                for (int s : found) {
                    if (hits.at(s, i + 1 - WIDTH)) {
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
