package org.gatehouse.antivirus.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole-object hash signatures (.hdb MD5, .hsb MD5/SHA-1/SHA-256), keyed by hash and size, or by
 * hash alone where the size is {@code *}. A digest is computed only when some signature of its
 * algorithm has the object's size (or any size).
 */
final class HashSignatures {

    private static final String[] ALGORITHMS = {"MD5", "SHA-1", "SHA-256"};

    private final Map<String, String> names = new HashMap<>();
    /** Per algorithm: some signature of any size ({@code *}), so every object is hashed. */
    private final boolean[] anySize = new boolean[ALGORITHMS.length];
    /**
     * Per algorithm: the sizes its signatures have. An object of another size cannot match, so
     * it is not hashed at all: most objects of a scan (the message, its parts) match no size.
     */
    private final List<Set<Integer>> sizes = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());

    /** Adds {@code hash:size:name}; size {@code *} matches any size. */
    void add(String hexHash, String size, String name) {
        int algorithm = switch (hexHash.length()) {
            case 32 -> 0;
            case 40 -> 1;
            case 64 -> 2;
            default -> throw new IllegalArgumentException("a hash has 32, 40 or 64 hex digits, not " + hexHash.length());
        };
        HexFormat.of().parseHex(hexHash);
        if (size.equals("*")) {
            anySize[algorithm] = true;
        } else {
            long bytes = Long.parseLong(size);
            // No object of a scan is larger than a byte array: a larger size can never match.
            if (bytes >= 0 && bytes <= Integer.MAX_VALUE) {
                sizes.get(algorithm).add((int) bytes);
            }
        }
        names.put(hexHash.toLowerCase(java.util.Locale.ROOT) + ":" + size, name);
    }

    int size() {
        return names.size();
    }

    /** The name of the signature whose hash the object has, or null. */
    String match(byte[] data, int length) {
        for (int a = 0; a < ALGORITHMS.length; a++) {
            if (!anySize[a] && !sizes.get(a).contains(length)) {
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
