package org.gatehouse.licensing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.gatehouse.licensing.internal.FeatureKeyException.Reason;

/** The vendor public keys this installation trusts ({@code trusted.keys}), by signer id. */
public final class TrustedSigners {

    private final Map<String, Ed25519PublicKeyParameters> keys;

    public TrustedSigners(Collection<Ed25519PublicKeyParameters> keys) {
        Map<String, Ed25519PublicKeyParameters> byId = new LinkedHashMap<>();
        keys.forEach(k -> byId.put(Ed25519Keys.signerId(k), k));
        this.keys = Collections.unmodifiableMap(byId);
    }

    /**
     * Reads configured keys; a garbled entry is refused. Entries may hold several keys
     * separated by commas (a {@code .cfg} line is one string); a PEM entry is taken whole.
     */
    public static TrustedSigners parse(String... entries) {
        return parse(entries, e -> {
            throw e;
        });
    }

    /** Reads configured keys, handing each garbled entry to {@code onBadEntry} and going on. */
    public static TrustedSigners parse(String[] entries, Consumer<IllegalArgumentException> onBadEntry) {
        List<Ed25519PublicKeyParameters> parsed = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String[] parts = entry.contains("-----BEGIN") ? new String[] {entry} : entry.split(",");
            for (String part : parts) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(Ed25519Keys.readPublicKey(part));
                } catch (IllegalArgumentException e) {
                    onBadEntry.accept(new IllegalArgumentException("trusted.keys: " + e.getMessage() + ": " + part.trim(), e));
                }
            }
        }
        return new TrustedSigners(parsed);
    }

    public Set<String> signerIds() {
        return keys.keySet();
    }

    /** Refuses keys from a signer not configured here and keys whose signature does not match. */
    public void check(SignedFeatureKey key) throws FeatureKeyException {
        Ed25519PublicKeyParameters signer = keys.get(key.key().signer());
        if (signer == null) {
            throw new FeatureKeyException(Reason.UNKNOWN_SIGNER, "key " + key.key().keyId()
                    + " is signed by " + key.key().signer() + ", which is not in trusted.keys"
                    + (keys.isEmpty() ? " (no trusted keys are configured)" : " (trusted: " + String.join(", ", keys.keySet()) + ")"));
        }
        if (!Ed25519Keys.verify(signer, key.body(), key.signature())) {
            throw new FeatureKeyException(Reason.FORGED, "the signature of key " + key.key().keyId()
                    + " does not match its contents; the key was altered or not issued by the vendor");
        }
    }
}
