package org.gatehouse.hat.internal;

import java.util.List;
import java.util.Map;

/**
 * Everything one listener's host access needs, compiled and immutable: sender groups in order,
 * resolved policies and the RAT. A new one replaces the old on every config change, so a
 * connection keeps the decision it got.
 *
 * @param problem null when usable; else why the listener's HAT cannot be used (every host gets
 *                a temporary refusal until it is fixed)
 */
record ListenerTable(String listener, ListenerSettings settings, List<SenderGroup> groups,
                     Map<String, EffectivePolicy> policies, RecipientAccessTable rat, String problem) {

    static ListenerTable broken(String listener, String problem) {
        return new ListenerTable(listener, null, List.of(), Map.of(), new RecipientAccessTable(List.of()), problem);
    }

    boolean usable() {
        return problem == null;
    }
}
