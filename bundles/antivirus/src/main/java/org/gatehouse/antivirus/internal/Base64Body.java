package org.gatehouse.antivirus.internal;

import java.util.Arrays;

/**
 * Decodes a base64 MIME body in one tight loop over its bytes, as leniently as mail needs:
 * characters outside the alphabet (line breaks, stray spaces) are skipped, the first {@code =}
 * ends the data, and a final incomplete group still yields the bytes it holds (a truncated
 * attachment is scanned as far as it goes). Several times faster than a decoding stream.
 */
final class Base64Body {

    private static final int[] VALUE = new int[256];

    static {
        Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
    }

    private Base64Body() {
    }

    static byte[] decode(byte[] in, int length) {
        byte[] out = new byte[length / 4 * 3 + 3];
        int o = 0;
        int bits = 0;
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (count == 0) {
                // Whole groups of four alphabet characters, the bulk of every line, in one step.
                while (i + 3 < length) {
                    int a = VALUE[in[i] & 0xFF];
                    int b = VALUE[in[i + 1] & 0xFF];
                    int c = VALUE[in[i + 2] & 0xFF];
                    int d = VALUE[in[i + 3] & 0xFF];
                    if ((a | b | c | d) < 0) {
                        break;
                    }
                    int group = a << 18 | b << 12 | c << 6 | d;
                    out[o] = (byte) (group >> 16);
                    out[o + 1] = (byte) (group >> 8);
                    out[o + 2] = (byte) group;
                    o += 3;
                    i += 4;
                }
                if (i >= length) {
                    break;
                }
            }
            int ch = in[i];
            if (ch == '=') {
                break;
            }
            int v = VALUE[ch & 0xFF];
            if (v < 0) {
                continue;
            }
            bits = bits << 6 | v;
            if (++count == 4) {
                out[o] = (byte) (bits >> 16);
                out[o + 1] = (byte) (bits >> 8);
                out[o + 2] = (byte) bits;
                o += 3;
                count = 0;
                bits = 0;
            }
        }
        if (count == 2) {
            out[o++] = (byte) (bits >> 4);
        } else if (count == 3) {
            out[o++] = (byte) (bits >> 10);
            out[o++] = (byte) (bits >> 2);
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }
}
