package org.gatehouse.antivirus.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hex notation of ClamAV body signatures: byte pairs, {@code ??}, {@code a?},
 * {@code ?a}, {@code *}, {@code {n}}, {@code {n-m}}, {@code {-m}}, {@code {n-}}, {@code [n-m]},
 * {@code (aa|bbcc)} and {@code !(aa|bb)}. The word-boundary markers {@code (B)}, {@code (L)}
 * and others are refused with a message, so a database using them says why it was skipped.
 */
final class HexPatternParser {

    private final String text;
    private int pos;
    private final List<Integer> kind = new ArrayList<>();
    private final ByteArrayOutputStream value = new ByteArrayOutputStream();
    private final ByteArrayOutputStream mask = new ByteArrayOutputStream();
    private final List<byte[][]> options = new ArrayList<>();
    private final List<Boolean> negated = new ArrayList<>();
    private final List<int[]> gaps = new ArrayList<>();

    private HexPatternParser(String text) {
        this.text = text.toLowerCase(java.util.Locale.ROOT);
    }

    static HexPattern parse(String hex) {
        return new HexPatternParser(hex).parse();
    }

    private HexPattern parse() {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            switch (c) {
                case '*' -> {
                    pos++;
                    gap(0, HexPattern.UNLIMITED);
                }
                case '{' -> gap(range('}'));
                case '[' -> gap(range(']'));
                case '(' -> choice(false);
                case '!' -> {
                    pos++;
                    if (pos >= text.length() || text.charAt(pos) != '(') {
                        throw new IllegalArgumentException("'!' must be followed by '(' at " + pos);
                    }
                    choice(true);
                }
                default -> nibblePair();
            }
        }
        return build();
    }

    private void nibblePair() {
        if (pos + 2 > text.length()) {
            throw new IllegalArgumentException("odd number of hex digits at " + pos);
        }
        int hi = nibble(text.charAt(pos));
        int lo = nibble(text.charAt(pos + 1));
        pos += 2;
        int m = (hi < 0 ? 0 : 0xF0) | (lo < 0 ? 0 : 0x0F);
        int v = ((hi < 0 ? 0 : hi) << 4 | (lo < 0 ? 0 : lo)) & m;
        add(HexPattern.BYTE, v, m, null, false, 0, 0);
    }

    private int nibble(char c) {
        if (c == '?') {
            return -1;
        }
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new IllegalArgumentException("unexpected '" + c + "' at " + pos);
        }
        return d;
    }

    private int[] range(char close) {
        int end = text.indexOf(close, pos);
        if (end < 0) {
            throw new IllegalArgumentException("unclosed range at " + pos);
        }
        String body = text.substring(pos + 1, end);
        pos = end + 1;
        int dash = body.indexOf('-');
        try {
            if (dash < 0) {
                int n = Integer.parseInt(body);
                return new int[] {n, n};
            }
            int lo = dash == 0 ? 0 : Integer.parseInt(body.substring(0, dash));
            int hi = dash == body.length() - 1 ? HexPattern.UNLIMITED : Integer.parseInt(body.substring(dash + 1));
            if (lo < 0 || hi < lo) {
                throw new IllegalArgumentException("bad range {" + body + "}");
            }
            return new int[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad range {" + body + "}", e);
        }
    }

    private void gap(int[] r) {
        gap(r[0], r[1]);
    }

    private void gap(int lo, int hi) {
        add(HexPattern.GAP, 0, 0, null, false, lo, hi);
    }

    private void choice(boolean negate) {
        int end = text.indexOf(')', pos);
        if (end < 0) {
            throw new IllegalArgumentException("unclosed alternative at " + pos);
        }
        String body = text.substring(pos + 1, end);
        pos = end + 1;
        String[] parts = body.split("\\|", -1);
        if (parts.length < 2 && !negate) {
            throw new IllegalArgumentException("(" + body + ") is not supported (word-boundary markers are not)");
        }
        byte[][] alternatives = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            alternatives[i] = plainBytes(parts[i]);
            if (negate && alternatives[i].length != alternatives[0].length) {
                throw new IllegalArgumentException("negated alternatives must have one length: (" + body + ")");
            }
        }
        add(HexPattern.CHOICE, 0, 0, alternatives, negate, 0, 0);
    }

    private static byte[] plainBytes(String hex) {
        if (hex.isEmpty() || hex.length() % 2 != 0) {
            throw new IllegalArgumentException("alternative '" + hex + "' is not whole bytes");
        }
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("alternative '" + hex + "' has wildcards or non-hex characters");
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }

    private void add(int k, int v, int m, byte[][] alternatives, boolean negate, int lo, int hi) {
        kind.add(k);
        value.write(v);
        mask.write(m);
        options.add(alternatives);
        negated.add(negate);
        gaps.add(new int[] {lo, hi});
    }

    private HexPattern build() {
        int n = kind.size();
        int[] k = new int[n];
        boolean[] neg = new boolean[n];
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = kind.get(i);
            neg[i] = negated.get(i);
            lo[i] = gaps.get(i)[0];
            hi[i] = gaps.get(i)[1];
        }
        return new HexPattern(k, value.toByteArray(), mask.toByteArray(), options.toArray(new byte[0][][]), neg, lo, hi);
    }
}
