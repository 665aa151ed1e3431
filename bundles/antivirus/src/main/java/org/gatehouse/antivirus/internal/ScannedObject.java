package org.gatehouse.antivirus.internal;

import java.nio.charset.StandardCharsets;

/**
 * One object of a scan: the message, a MIME part, an archive member, a decoded file. Its path
 * is where it is, for the admin ({@code message/part 2 a.zip/docs/x.exe}); its name is its own
 * file name when known (decides nothing but is shown), else empty; its data are its bytes,
 * decoded; its depth is how many containers it is in.
 */
final class ScannedObject {

    private final String path;
    private final String name;
    private final byte[] data;
    private final int depth;
    /** The bytes as ISO-8859-1 text, made on first use by a decoder that parses text. */
    private String text;

    ScannedObject(String path, String name, byte[] data, int depth) {
        this.path = path;
        this.name = name;
        this.data = data;
        this.depth = depth;
    }

    String path() {
        return path;
    }

    String name() {
        return name;
    }

    byte[] data() {
        return data;
    }

    int depth() {
        return depth;
    }

    boolean startsWith(int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the object starts like text (no NUL, few control bytes in its first KB): the text
     * encodings (uuencode, BinHex) are looked for only there, not in every binary.
     */
    boolean looksLikeText() {
        int n = Math.min(data.length, 1024);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = data[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 32 && b != '\r' && b != '\n' && b != '\t') {
                control++;
            }
        }
        return control * 10 <= n;
    }

    /** Whether the ASCII text occurs in the object (text markers such as uuencode's). */
    boolean contains(String ascii) {
        return indexOf(ascii, 0) >= 0;
    }

    /**
     * Where the ASCII text first occurs at or after {@code from}, or -1. Boyer-Moore-Horspool:
     * it looks at the byte under the marker's last character and jumps by up to the marker's
     * length, so text without the marker is passed over many bytes at a time.
     */
    int indexOf(String ascii, int from) {
        byte[] p = ascii.getBytes(StandardCharsets.ISO_8859_1);
        int m = p.length;
        int start = Math.max(0, from);
        if (m == 0) {
            return Math.min(start, data.length);
        }
        int[] skip = new int[256];
        java.util.Arrays.fill(skip, m);
        for (int k = 0; k < m - 1; k++) {
            skip[p[k] & 0xFF] = m - 1 - k;
        }
        int last = m - 1;
        byte lastByte = p[last];
        for (int i = start; i <= data.length - m; i += skip[data[i + last] & 0xFF]) {
            if (data[i + last] == lastByte && equalsAt(i, p, last)) {
                return i;
            }
        }
        return -1;
    }

    private boolean equalsAt(int at, byte[] p, int count) {
        for (int k = 0; k < count; k++) {
            if (data[at + k] != p[k]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as text, one char per byte, made once per object (for the uuencode reader's pattern). */
    String text() {
        if (text == null) {
            text = new String(data, StandardCharsets.ISO_8859_1);
        }
        return text;
    }
}
