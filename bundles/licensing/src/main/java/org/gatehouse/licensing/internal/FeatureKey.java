package org.gatehouse.licensing.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a feature key says: which installation it is bound to, who signed it, and until when
 * each feature it names is licensed. A feature is licensed while {@code now < expires}.
 *
 * @param keyId        short identifier of this key, used by {@code featurekey-remove}
 * @param signer       id of the vendor public key that signed it ({@link Ed25519Keys#signerId})
 * @param installation the installation id this key is bound to
 * @param issued       when the vendor minted it
 * @param features     feature name to expiry, sorted by name
 */
public record FeatureKey(String keyId, String signer, String installation, Instant issued,
        Map<String, Instant> features) {

    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    public static final Pattern SIGNER = Pattern.compile("[0-9a-f]{16}");
    public static final Pattern INSTALLATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    public static final Pattern FEATURE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public FeatureKey {
        require(keyId, KEY_ID, "key id");
        require(signer, SIGNER, "signer");
        require(installation, INSTALLATION, "installation");
        Objects.requireNonNull(issued, "issued");
        if (features == null || features.isEmpty()) {
            throw new IllegalArgumentException("a key names at least one feature");
        }
        TreeMap<String, Instant> sorted = new TreeMap<>();
        features.forEach((name, expires) -> {
            require(name, FEATURE, "feature name");
            sorted.put(name, Objects.requireNonNull(expires, "expiry of " + name));
        });
        features = Collections.unmodifiableMap(sorted);
    }

    private static void require(String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": " + value);
        }
    }

    /** True when every feature of this key has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return features.values().stream().noneMatch(now::isBefore);
    }

    /** The latest expiry among its features. */
    public Instant lastExpiry() {
        return features.values().stream().max(Instant::compareTo).orElseThrow();
    }
}
