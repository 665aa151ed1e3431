package org.gatehouse.hat.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One listener's HAT settings (factory PID {@code org.gatehouse.hat.listener}): its name, whether
 * it is public (has a RAT), its default policy parameters and its RAT entries.
 *
 * @param defaults every policy parameter (the listener's value, else the built-in default)
 * @param explicit the parameters the listener's config sets itself
 */
record ListenerSettings(String listener, boolean publicListener, Map<PolicyParameter, Object> defaults,
                        Set<PolicyParameter> explicit, List<String> rat) {

    static final String LISTENER = "listener";
    static final String PUBLIC = "public";
    static final String RAT = "rat";

    static ListenerSettings from(Map<String, ?> props) {
        String name = ConfigValues.required(props, LISTENER);
        Map<PolicyParameter, Object> defaults = new EnumMap<>(PolicyParameter.class);
        Set<PolicyParameter> explicit = EnumSet.noneOf(PolicyParameter.class);
        for (PolicyParameter p : PolicyParameter.values()) {
            Object value = p.parse(props.get(p.key()));
            if (value != null) {
                explicit.add(p);
            }
            defaults.put(p, value == null ? p.builtIn() : value);
        }
        return new ListenerSettings(name, ConfigValues.bool(props, PUBLIC, false), defaults, explicit,
                ConfigValues.list(props, RAT));
    }
}
