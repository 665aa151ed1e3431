package org.gatehouse.mailauth.internal;

import java.security.MessageDigest;

/**
 * The body hash of one signature, computed line by line while the body streams past (RFC 6376
 * 3.4.3, 3.4.4, 3.7): simple or relaxed canonicalization, empty lines at the end ignored, the
 * l= limit applied to the canonical octets.
 */
final class BodyHash {

    private static final byte[] CRLF = {'\r', '\n'};

    private final boolean relaxed;
    private final MessageDigest digest;
    private final long limit;
    private byte[] scratch = new byte[1024];
    private long canonicalLength;
    private long hashed;
    private int pendingEmptyLines;
    private boolean anyLine;

    /** @param limit the l= value, or -1 for the whole body */
    BodyHash(Canonicalization canonicalization, MessageDigest digest, long limit) {
        this.relaxed = canonicalization == Canonicalization.RELAXED;
        this.digest = digest;
        this.limit = limit;
    }

    /** One body line, without its line end (a last line without CRLF gets one, as the RFC says). */
    void line(byte[] buffer, int offset, int length) {
        byte[] data = buffer;
        int start = offset;
        int size = length;
        if (relaxed) {
            size = relax(buffer, offset, length);
            data = scratch;
            start = 0;
        }
        if (size == 0) {
            pendingEmptyLines++;
            return;
        }
        for (; pendingEmptyLines > 0; pendingEmptyLines--) {
            emit(CRLF, 0, 2);
        }
        emit(data, start, size);
        emit(CRLF, 0, 2);
        anyLine = true;
    }

    /** The hash; a simple body with no content is one CRLF, a relaxed one is nothing. */
    byte[] finish() {
        if (!relaxed && !anyLine) {
            emit(CRLF, 0, 2);
        }
        return digest.digest();
    }

    /** True when l= asked for more octets than the canonical body has. */
    boolean limitBeyondBody() {
        return limit > canonicalLength;
    }

    long canonicalLength() {
        return canonicalLength;
    }

    private void emit(byte[] data, int offset, int length) {
        canonicalLength += length;
        int take = length;
        if (limit >= 0) {
            take = (int) Math.max(0, Math.min(length, limit - hashed));
        }
        if (take > 0) {
            digest.update(data, offset, take);
            hashed += take;
        }
    }

    /** Relaxed: WSP runs become one SP, WSP at the line end goes; the result is in {@code scratch}. */
    private int relax(byte[] buffer, int offset, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        int out = 0;
        boolean space = false;
        for (int i = offset; i < offset + length; i++) {
            byte b = buffer[i];
            if (b == ' ' || b == '\t') {
                space = true;
                continue;
            }
            if (space) {
                scratch[out++] = ' ';
                space = false;
            }
            scratch[out++] = b;
        }
        return out;
    }
}
