package org.gatehouse.hat.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw listener, policy and sender group configurations into one {@link ListenerTable}
 * per listener. Used by the running table and by the console, which compiles the configuration
 * it is about to write and refuses the edit when it would not compile.
 */
final class HatCompiler {

    private HatCompiler() {
    }

    /** Tables by listener name; a listener whose configuration has a problem gets a broken table naming it. */
    static Map<String, ListenerTable> compile(List<? extends Map<String, ?>> listeners,
                                              List<? extends Map<String, ?>> policies,
                                              List<? extends Map<String, ?>> groups) {
        Map<String, ListenerSettings> listenerSettings = new LinkedHashMap<>();
        Map<String, String> problems = new HashMap<>();
        for (Map<String, ?> raw : listeners) {
            String name = ConfigValues.text(raw, ListenerSettings.LISTENER, null);
            try {
                ListenerSettings s = ListenerSettings.from(raw);
                if (listenerSettings.putIfAbsent(s.listener(), s) != null) {
                    problems.put(s.listener(), "two HAT listener configurations for '" + s.listener() + "'");
                }
            } catch (IllegalArgumentException e) {
                problems.put(name == null ? "?" : name, "listener settings: " + e.getMessage());
            }
        }
        Map<String, List<PolicySettings>> policiesBy = new HashMap<>();
        for (Map<String, ?> raw : policies) {
            try {
                PolicySettings p = PolicySettings.from(raw);
                policiesBy.computeIfAbsent(p.listener(), k -> new ArrayList<>()).add(p);
            } catch (IllegalArgumentException e) {
                problems.putIfAbsent(ConfigValues.text(raw, PolicySettings.LISTENER, "?"),
                        "policy " + ConfigValues.text(raw, PolicySettings.NAME, "?") + ": " + e.getMessage());
            }
        }
        Map<String, List<GroupSettings>> groupsBy = new HashMap<>();
        for (Map<String, ?> raw : groups) {
            try {
                GroupSettings g = GroupSettings.from(raw);
                groupsBy.computeIfAbsent(g.listener(), k -> new ArrayList<>()).add(g);
            } catch (IllegalArgumentException e) {
                problems.putIfAbsent(ConfigValues.text(raw, GroupSettings.LISTENER, "?"),
                        "sender group " + ConfigValues.text(raw, GroupSettings.NAME, "?") + ": " + e.getMessage());
            }
        }
        Map<String, ListenerTable> tables = new LinkedHashMap<>();
        for (ListenerSettings l : listenerSettings.values()) {
            String problem = problems.get(l.listener());
            tables.put(l.listener(), problem != null ? ListenerTable.broken(l.listener(), problem)
                    : table(l, policiesBy.getOrDefault(l.listener(), List.of()), groupsBy.getOrDefault(l.listener(), List.of())));
        }
        problems.forEach((listener, problem) -> tables.putIfAbsent(listener, ListenerTable.broken(listener, problem)));
        return tables;
    }

    private static ListenerTable table(ListenerSettings listener, List<PolicySettings> policies, List<GroupSettings> groups) {
        try {
            Map<String, EffectivePolicy> resolved = new LinkedHashMap<>();
            for (PolicySettings p : policies) {
                if (resolved.put(p.name(), EffectivePolicy.resolve(p, listener)) != null) {
                    throw new IllegalArgumentException("policy " + p.name() + " is defined twice");
                }
            }
            List<SenderGroup> compiled = new ArrayList<>();
            Map<String, Boolean> names = new HashMap<>();
            for (GroupSettings g : groups) {
                if (names.put(g.name(), Boolean.TRUE) != null) {
                    throw new IllegalArgumentException("sender group " + g.name() + " is defined twice");
                }
                if (!resolved.containsKey(g.policy())) {
                    throw new IllegalArgumentException("sender group " + g.name() + " uses unknown policy " + g.policy());
                }
                try {
                    compiled.add(new SenderGroup(g.name(), g.order(), g.policy(), g.entries()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("sender group " + g.name() + ": " + e.getMessage(), e);
                }
            }
            compiled.sort(Comparator.comparingInt(SenderGroup::order).thenComparing(SenderGroup::name));
            RecipientAccessTable rat = new RecipientAccessTable(listener.rat());
            return new ListenerTable(listener.listener(), listener, List.copyOf(compiled), Collections.unmodifiableMap(resolved), rat, null);
        } catch (IllegalArgumentException e) {
            return ListenerTable.broken(listener.listener(), e.getMessage());
        }
    }
}
