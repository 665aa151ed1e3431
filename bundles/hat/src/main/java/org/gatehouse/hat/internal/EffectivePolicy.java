package org.gatehouse.hat.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.api.SmtpAuth;
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
                skipped,
                (SmtpAuth) v.get(PolicyParameter.SMTP_AUTH),
                stageSettings(v));
    }

    /**
     * What the policy tells pipeline stages, keyed {@code <stage>.<setting>}. Parameters left at
     * "the stage's own" (empty, 0) are not passed, so the stage's config decides.
     */
    private static Map<String, String> stageSettings(Map<PolicyParameter, Object> v) {
        Map<String, String> settings = new HashMap<>();
        settings.put("mailauth.spf", onOff(v.get(PolicyParameter.SPF_VERIFICATION)));
        settings.put("mailauth.dkim", onOff(v.get(PolicyParameter.DKIM_VERIFICATION)));
        settings.put("mailauth.dmarc", onOff(v.get(PolicyParameter.DMARC_VERIFICATION)));
        for (PolicyParameter p : List.of(PolicyParameter.ANTISPAM_ENGINE, PolicyParameter.ANTISPAM_POSITIVE_THRESHOLD,
                PolicyParameter.ANTISPAM_SUSPECTED_THRESHOLD, PolicyParameter.ANTIVIRUS_ENGINE,
                PolicyParameter.ANTIVIRUS_ACTION_INFECTED)) {
            String value = String.valueOf(v.get(p));
            if (!value.isEmpty() && !value.equals("0")) {
                settings.put(p.key(), value);
            }
        }
        return settings;
    }

    private static String onOff(Object value) {
        return Boolean.TRUE.equals(value) ? "on" : "off";
    }
}
