package org.gatehouse.antivirus.internal;

/**
 * One object of a scan: the message, a MIME part, an archive member, a decoded file.
 *
 * @param path  where it is, for the admin: {@code message/part 2 a.zip/docs/x.exe}
 * @param name  its own file name when known (decides nothing but is shown), else empty
 * @param data  its bytes, decoded
 * @param depth how many containers it is in
 */
record ScannedObject(String path, String name, byte[] data, int depth) {

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

    int indexOf(String ascii, int from) {
        byte[] p = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = Math.max(0, from); i <= data.length - p.length; i++) {
            for (int k = 0; k < p.length; k++) {
                if (data[i + k] != p[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
