package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.licensing.internal.FeatureKeyException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The keys installed here, in memory and in their folder; the disk is written first. Not thread-safe: the manager serialises calls. */
final class InstalledKeys {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledKeys.class);

    private final KeyFolder folder;
    private final FeatureKeyVerifier verifier;
    private final Map<String, FeatureKey> keys = new LinkedHashMap<>();
    private int filesFound;

    InstalledKeys(KeyFolder folder, FeatureKeyVerifier verifier) {
        this.folder = folder;
        this.verifier = verifier;
    }

    /**
     * Reads the folder. A key that no longer verifies (trusted.keys changed, file edited) is
     * ignored with a warning but left on disk, so fixing the configuration brings it back.
     */
    void load() throws IOException {
        keys.clear();
        Map<String, String> files = folder.readAll();
        filesFound = files.size();
        files.forEach((file, text) -> {
            try {
                FeatureKey key = verifier.verifyStored(text).key();
                keys.put(key.keyId(), key);
            } catch (FeatureKeyException e) {
                LOG.warn("Feature key file {} in {} is ignored: {}", file, folder.folder(), e.getMessage());
            }
        });
    }

    /** True if the folder held any key file at all, valid or not. */
    boolean anyFiles() {
        return filesFound > 0 || !keys.isEmpty();
    }

    List<FeatureKey> all() {
        return List.copyOf(keys.values());
    }

    /** Stores a verified key (replacing one with the same id). */
    void add(SignedFeatureKey signed) throws FeatureKeyException {
        FeatureKey key = signed.key();
        try {
            folder.save(key, signed.text());
        } catch (IOException e) {
            throw new FeatureKeyException(Reason.STORAGE, "key " + key.keyId() + " could not be written to "
                    + folder.folder() + ": " + e.getMessage(), e);
        }
        keys.put(key.keyId(), key);
    }

    /**
     * Removes the key with this id, or else the keys naming this feature. A key that also
     * unlocks other features is not removed by feature name: that must be asked by key id.
     */
    List<FeatureKey> remove(String keyIdOrFeature) throws FeatureKeyException {
        List<FeatureKey> targets = new ArrayList<>();
        FeatureKey byId = keys.get(keyIdOrFeature);
        if (byId != null) {
            targets.add(byId);
        } else {
            keys.values().stream().filter(k -> k.features().containsKey(keyIdOrFeature)).forEach(targets::add);
            if (targets.isEmpty()) {
                throw new FeatureKeyException(Reason.NOT_FOUND, "no installed key has id or feature "
                        + keyIdOrFeature + (keys.isEmpty() ? " (no keys are installed)"
                                : " (installed keys: " + String.join(", ", keys.keySet()) + ")"));
            }
            for (FeatureKey k : targets) {
                if (k.features().size() > 1) {
                    throw new FeatureKeyException(Reason.AMBIGUOUS, "key " + k.keyId() + " also unlocks "
                            + String.join(", ", k.features().keySet().stream().filter(f -> !f.equals(keyIdOrFeature)).toList())
                            + "; remove it by its key id to remove all of them");
                }
            }
        }
        for (FeatureKey k : targets) {
            try {
                folder.delete(k.keyId());
            } catch (IOException e) {
                throw new FeatureKeyException(Reason.STORAGE, "key file of " + k.keyId() + " could not be deleted from "
                        + folder.folder() + ": " + e.getMessage(), e);
            }
            keys.remove(k.keyId());
        }
        return targets;
    }
}
