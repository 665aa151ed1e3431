package org.gatehouse.hat.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One listener's HAT settings (factory PID {@code org.gatehouse.hat.listener}): its name, whether
 * it is public (has a RAT), its default policy parameters and its RAT entries.
 *
 * @param defaults every policy parameter (the listener's value, else the built-in default)
 */
record ListenerSettings(String listener, boolean publicListener, Map<PolicyParameter, Object> defaults, List<String> rat) {

    static final String LISTENER = "listener";
    static final String PUBLIC = "public";
    static final String RAT = "rat";

    static ListenerSettings from(Map<String, ?> props) {
        String name = ConfigValues.required(props, LISTENER);
        Map<PolicyParameter, Object> defaults = new EnumMap<>(PolicyParameter.class);
        for (PolicyParameter p : PolicyParameter.values()) {
            Object value = p.parse(props.get(p.key()));
            defaults.put(p, value == null ? p.builtIn() : value);
        }
        return new ListenerSettings(name, ConfigValues.bool(props, PUBLIC, false), defaults, ConfigValues.list(props, RAT));
    }
}
