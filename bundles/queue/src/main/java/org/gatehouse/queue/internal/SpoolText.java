package org.gatehouse.queue.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The escaping of spool header and state files: one {@code key value} per line, values
 * percent-encoded where they could break the line format (space, %, control octets), so a
 * hostile HELO or address can never inject a field. Parsing is by hand on purpose: no Java
 * serialization of anything that came from the network.
 */
final class SpoolText {

    private SpoolText() {
    }

    static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '%' || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    static String unescape(String value) throws IOException {
        int pct = value.indexOf('%');
        if (pct < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length()).append(value, 0, pct);
        for (int i = pct; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= value.length()) {
                throw new IOException("truncated escape in spool field");
            }
            int hi = Character.digit(value.charAt(i + 1), 16);
            int lo = Character.digit(value.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new IOException("bad escape in spool field");
            }
            out.append((char) (hi << 4 | lo));
            i += 2;
        }
        return out.toString();
    }

    /** Appends {@code key value\n}; a null value writes nothing, so absence reads back as null. */
    static void field(StringBuilder out, String key, Object value) {
        if (value != null) {
            out.append(key).append(' ').append(escape(value.toString())).append('\n');
        }
    }

    /**
     * Reads the lines of a block that ends with an empty line, from the start of {@code data}.
     * Returns the offset just after the empty line, or -1 when the block is not complete.
     */
    static int endOfBlock(byte[] data, int length, int from) {
        for (int i = from; i + 1 < length; i++) {
            if (data[i] == '\n' && data[i + 1] == '\n') {
                return i + 2;
            }
        }
        return -1;
    }

    static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String[] lines(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.UTF_8).split("\n");
    }
}
