package org.gatehouse.antispam.internal;

/**
 * Tokens are kept as 64-bit FNV-1a hashes: the model stores no text of anyone's mail, stays
 * small, and collisions among a few million tokens are negligible at 64 bits.
 */
final class TokenHash {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private TokenHash() {
    }

    static long of(String token) {
        long h = OFFSET;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            h = (h ^ (c & 0xff)) * PRIME;
            h = (h ^ (c >>> 8)) * PRIME;
        }
        // 0 marks an empty slot in TokenCounts.
        return h == 0 ? 1 : h;
    }
}
