package org.gatehouse.antivirus.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Whole-object hash signatures (.hdb MD5, .hsb MD5/SHA-1/SHA-256), keyed by hash and size, or by
 * hash alone where the size is {@code *}. A digest is computed only when some signature uses it.
 */
final class HashSignatures {

    private static final String[] ALGORITHMS = {"MD5", "SHA-1", "SHA-256"};

    private final Map<String, String> names = new HashMap<>();
    private final boolean[] used = new boolean[ALGORITHMS.length];

    /** Adds {@code hash:size:name}; size {@code *} matches any size. */
    void add(String hexHash, String size, String name) {
        int algorithm = switch (hexHash.length()) {
            case 32 -> 0;
            case 40 -> 1;
            case 64 -> 2;
            default -> throw new IllegalArgumentException("a hash has 32, 40 or 64 hex digits, not " + hexHash.length());
        };
        HexFormat.of().parseHex(hexHash);
        if (!size.equals("*")) {
            Long.parseLong(size);
        }
        used[algorithm] = true;
        names.put(hexHash.toLowerCase(java.util.Locale.ROOT) + ":" + size, name);
    }

    int size() {
        return names.size();
    }

    /** The name of the signature whose hash the object has, or null. */
    String match(byte[] data, int length) {
        for (int a = 0; a < ALGORITHMS.length; a++) {
            if (!used[a]) {
                continue;
            }
            String hash = HexFormat.of().formatHex(digest(ALGORITHMS[a], data, length));
            String name = names.get(hash + ":" + length);
            if (name == null) {
                name = names.get(hash + ":*");
            }
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static byte[] digest(String algorithm, byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
