package org.gatehouse.hat.internal;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.api.TlsLevel;

/**
 * A mail flow policy with inheritance resolved: the immutable {@link MailFlowPolicy} the listener
 * gets, plus where each value came from (for {@code policy-show} and {@code hat-test}).
 *
 * @param values    every parameter's value in force
 * @param ownValues the parameters the policy sets itself; the others are inherited from the listener
 */
public record EffectivePolicy(MailFlowPolicy policy, Map<PolicyParameter, Object> values, Set<PolicyParameter> ownValues) {

    public EffectivePolicy {
        values = Map.copyOf(values);
        ownValues = Set.copyOf(ownValues);
    }

    /** Resolves a policy against its listener's defaults. */
    static EffectivePolicy resolve(PolicySettings policy, ListenerSettings listener) {
        EnumMap<PolicyParameter, Object> values = new EnumMap<>(listener.defaults());
        values.putAll(policy.parameters());
        return new EffectivePolicy(build(policy.name(), policy.access(), values), values, policy.parameters().keySet());
    }

    /** The policy answered when a listener has no usable HAT: refuse with a temporary failure. */
    static MailFlowPolicy unavailable(String reason) {
        EnumMap<PolicyParameter, Object> values = new EnumMap<>(PolicyParameter.class);
        for (PolicyParameter p : PolicyParameter.values()) {
            values.put(p, p.builtIn());
        }
        values.put(PolicyParameter.REJECT_CODE, 421);
        values.put(PolicyParameter.REJECT_BANNER, "4.3.0 Service not available: " + reason);
        return build("UNAVAILABLE", AccessRule.REJECT, values);
    }

    static MailFlowPolicy build(String name, AccessRule access, Map<PolicyParameter, Object> v) {
        Set<String> skipped = new HashSet<>();
        if (!(Boolean) v.get(PolicyParameter.ANTISPAM)) {
            skipped.add("antispam");
        }
        if (!(Boolean) v.get(PolicyParameter.ANTIVIRUS)) {
            skipped.add("antivirus");
        }
        return new MailFlowPolicy(name, access,
                (Long) v.get(PolicyParameter.MAX_MESSAGE_SIZE),
                (Integer) v.get(PolicyParameter.MAX_CONNECTIONS_PER_IP),
                (Integer) v.get(PolicyParameter.MAX_MESSAGES_PER_CONNECTION),
                (Integer) v.get(PolicyParameter.MAX_RECIPIENTS_PER_MESSAGE),
                (String) v.get(PolicyParameter.BANNER),
                (Integer) v.get(PolicyParameter.REJECT_CODE),
                (String) v.get(PolicyParameter.REJECT_BANNER),
                (TlsLevel) v.get(PolicyParameter.TLS),
                (Integer) v.get(PolicyParameter.MAX_RECIPIENTS_PER_HOUR),
                (String) v.get(PolicyParameter.RECIPIENTS_PER_HOUR_REPLY),
                (Integer) v.get(PolicyParameter.MAX_INVALID_RECIPIENTS_PER_HOUR),
                (String) v.get(PolicyParameter.DHAP_REPLY),
                skipped);
    }
}
