package org.gatehouse.antivirus.internal;

import java.util.function.IntPredicate;

/**
 * A ClamAV body pattern as a sequence of elements: a byte (with a nibble mask for {@code ??},
 * {@code a?}, {@code ?a}), a choice {@code (aa|bbcc)} or its negation {@code !(aa|bb)}, and a
 * gap ({@code *}, {@code {n-m}}). It is matched outwards from its anchor, the longest run of
 * plain bytes, which the multi-pattern search finds first.
 */
final class HexPattern {

    static final int BYTE = 0;
    static final int CHOICE = 1;
    static final int GAP = 2;
    static final int UNLIMITED = Integer.MAX_VALUE;

    private final int[] kind;
    private final byte[] value;
    private final byte[] mask;
    private final byte[][][] options;
    private final boolean[] negated;
    private final int[] min;
    private final int[] max;
    private final int anchorStart;
    private final int anchorLength;

    HexPattern(int[] kind, byte[] value, byte[] mask, byte[][][] options, boolean[] negated, int[] min, int[] max) {
        this.kind = kind;
        this.value = value;
        this.mask = mask;
        this.options = options;
        this.negated = negated;
        this.min = min;
        this.max = max;
        int bestStart = 0;
        int bestLength = 0;
        for (int i = 0; i < kind.length; ) {
            int j = i;
            while (j < kind.length && kind[j] == BYTE && mask[j] == (byte) 0xFF) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        this.anchorStart = bestStart;
        this.anchorLength = bestLength;
    }

    int anchorLength() {
        return anchorLength;
    }

    /** The anchor's bytes, at most {@code limit} of them: long anchors only grow the automaton. */
    byte[] anchor(int limit) {
        byte[] a = new byte[Math.min(limit, anchorLength)];
        System.arraycopy(value, anchorStart, a, 0, a.length);
        return a;
    }

    /**
     * Whether the pattern occurs with its anchor's first byte at {@code at}, where the anchor's
     * first {@code checked} bytes are known to match already, and starts where {@code startOk}
     * allows.
     */
    boolean matchesAround(byte[] data, int length, int at, int checked, IntPredicate startOk) {
        int pos = at + checked;
        for (int i = anchorStart + checked; i < anchorStart + anchorLength; i++, pos++) {
            if (pos >= length || data[pos] != value[i]) {
                return false;
            }
        }
        return forward(data, length, anchorStart + anchorLength, pos) && backward(data, anchorStart - 1, at, startOk);
    }

    /** For patterns without any plain byte: tried at every position. */
    boolean matchesFrom(byte[] data, int length, int start) {
        return forward(data, length, 0, start);
    }

    private boolean forward(byte[] data, int length, int i, int pos) {
        for (; i < kind.length; i++) {
            switch (kind[i]) {
                case BYTE -> {
                    if (pos >= length || (data[pos] & mask[i]) != value[i]) {
                        return false;
                    }
                    pos++;
                }
                case CHOICE -> {
                    if (negated[i]) {
                        int w = options[i][0].length;
                        if (pos + w > length || anyOptionAt(data, i, pos)) {
                            return false;
                        }
                        pos += w;
                    } else {
                        for (byte[] o : options[i]) {
                            if (pos + o.length <= length && equalAt(data, pos, o) && forward(data, length, i + 1, pos + o.length)) {
                                return true;
                            }
                        }
                        return false;
                    }
                }
                default -> {
                    if (i == kind.length - 1) {
                        return pos + min[i] <= length;
                    }
                    long last = Math.min((long) length, (long) pos + max[i]);
                    for (long p = pos + min[i]; p <= last; p++) {
                        if (forward(data, length, i + 1, (int) p)) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        }
        return true;
    }

    private boolean backward(byte[] data, int i, int pos, IntPredicate startOk) {
        for (; i >= 0; i--) {
            switch (kind[i]) {
                case BYTE -> {
                    if (pos <= 0 || (data[pos - 1] & mask[i]) != value[i]) {
                        return false;
                    }
                    pos--;
                }
                case CHOICE -> {
                    if (negated[i]) {
                        int w = options[i][0].length;
                        if (pos - w < 0 || anyOptionAt(data, i, pos - w)) {
                            return false;
                        }
                        pos -= w;
                    } else {
                        for (byte[] o : options[i]) {
                            if (pos - o.length >= 0 && equalAt(data, pos - o.length, o)
                                    && backward(data, i - 1, pos - o.length, startOk)) {
                                return true;
                            }
                        }
                        return false;
                    }
                }
                default -> {
                    long first = Math.max(0L, (long) pos - max[i]);
                    for (long p = pos - min[i]; p >= first; p--) {
                        if (backward(data, i - 1, (int) p, startOk)) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        }
        return startOk.test(pos);
    }

    private boolean anyOptionAt(byte[] data, int i, int pos) {
        for (byte[] o : options[i]) {
            if (equalAt(data, pos, o)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalAt(byte[] data, int pos, byte[] o) {
        for (int k = 0; k < o.length; k++) {
            if (data[pos + k] != o[k]) {
                return false;
            }
        }
        return true;
    }
}
