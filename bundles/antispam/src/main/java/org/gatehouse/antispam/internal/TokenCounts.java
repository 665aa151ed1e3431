package org.gatehouse.antispam.internal;

import java.util.function.BiConsumer;

/**
 * Open-addressing map from token hash to its counts, spam count in the high 32 bits and ham
 * count in the low 32 bits of one long: a million tokens take 16 MB and no boxing, which keeps
 * scanning fast. Not thread-safe; {@link SpamModel} guards it.
 */
final class TokenCounts {

    private long[] keys;
    private long[] values;
    private int size;

    TokenCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new long[capacity];
    }

    int size() {
        return size;
    }

    /** The packed counts of a token, 0 when unseen. */
    long get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return 0;
            }
        }
    }

    void put(long key, long value) {
        if (value == 0) {
            remove(key);
            return;
        }
        if ((size + 1) * 4L >= keys.length * 3L) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** Removes with backward shift, so lookups never need tombstones. */
    void remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = 0;
        values[gap] = 0;
    }

    void forEach(BiConsumer<Long, Long> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    static long pack(int spam, int ham) {
        return ((long) spam << 32) | (ham & 0xffffffffL);
    }

    static int spam(long packed) {
        return (int) (packed >>> 32);
    }

    static int ham(long packed) {
        return (int) packed;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
