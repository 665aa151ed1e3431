package org.gatehouse.hat.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.gatehouse.api.AccessRule;

/**
 * One mail flow policy (factory PID {@code org.gatehouse.hat.policy}) as configured: only the
 * parameters it sets; the rest it inherits from its listener.
 */
record PolicySettings(String listener, String name, AccessRule access, Map<PolicyParameter, Object> parameters) {

    static final String LISTENER = "listener";
    static final String NAME = "name";
    static final String ACCESS = "access";

    static PolicySettings from(Map<String, ?> props) {
        String listener = ConfigValues.required(props, LISTENER);
        String name = ConfigValues.required(props, NAME);
        Map<PolicyParameter, Object> set = new EnumMap<>(PolicyParameter.class);
        for (PolicyParameter p : PolicyParameter.values()) {
            Object value = p.parse(props.get(p.key()));
            if (value != null) {
                set.put(p, value);
            }
        }
        return new PolicySettings(listener, name, access(ConfigValues.text(props, ACCESS, "ACCEPT")), set);
    }

    static AccessRule access(String text) {
        try {
            return AccessRule.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("access must be ACCEPT, REJECT, TCPREFUSE, RELAY or CONTINUE, not '"
                    + text + "'", e);
        }
    }
}
