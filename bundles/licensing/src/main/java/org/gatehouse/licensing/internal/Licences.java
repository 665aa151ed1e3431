package org.gatehouse.licensing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gatehouse.licensing.internal.FeatureStatus.State;

/**
 * Works out each feature's standing from the installed keys and the evaluation: whichever
 * grant runs longest wins (a key over the evaluation on a tie). Pure arithmetic, no I/O.
 */
final class Licences {

    private Licences() {
    }

    static Map<String, FeatureStatus> at(Instant now, Collection<FeatureKey> keys,
            Optional<Instant> evaluationExpires, Collection<String> evaluationFeatures) {
        Map<String, FeatureStatus> best = new TreeMap<>();
        for (FeatureKey key : keys) {
            key.features().forEach((feature, expires) -> offer(best, now, feature, expires, key.keyId()));
        }
        evaluationExpires.ifPresent(expires -> evaluationFeatures.forEach(
                feature -> offer(best, now, feature, expires, null)));
        return best;
    }

    private static void offer(Map<String, FeatureStatus> best, Instant now, String feature,
            Instant expires, String keyId) {
        FeatureStatus current = best.get(feature);
        if (current != null && !expires.isAfter(current.expires())) {
            return;
        }
        State state = !now.isBefore(expires) ? State.EXPIRED
                : keyId == null ? State.EVALUATION : State.ACTIVE;
        best.put(feature, new FeatureStatus(feature, state, expires, keyId));
    }
}
