package org.gatehouse.hat.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.gatehouse.api.AccessRule;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the console does to the HAT: reads the sender groups, policies and RAT from Config Admin
 * and edits them there. Every edit is compiled together with the rest of the listener's HAT before
 * it is written; an edit that would break it is refused with the reason, and nothing changes.
 */
@Component(service = HatAdministration.class)
public final class HatAdministration {

    /** A sender group as the console lists it. */
    public record GroupRow(String listener, String name, int order, String policy, List<String> entries, String comment) {
    }

    /** A policy as the console lists it; {@code usedBy} counts the groups that use it. */
    public record PolicyRow(String listener, String name, String access, int usedBy) {
    }

    /** One effective parameter of a policy and whether it comes from the listener. */
    public record ParameterRow(String key, String value, boolean inherited, String description) {
    }

    /** A RAT entry; position 0-based, the final {@code ALL} has none (-1). */
    public record RatRow(String listener, int position, String entry) {
    }

    private final ConfigStore store;
    private final GroupOrder order;

    @Activate
    public HatAdministration(@Reference ConfigurationAdmin configurationAdmin) {
        this(new ConfigStore(configurationAdmin));
    }

    HatAdministration(ConfigStore store) {
        this.store = store;
        this.order = new GroupOrder(store);
    }

    // ---- reading ------------------------------------------------------------------------------

    public List<String> listeners() {
        return store.list(ConfigStore.LISTENER_PID).stream()
                .map(s -> ConfigValues.text(s.properties(), ListenerSettings.LISTENER, "?")).sorted().toList();
    }

    public List<GroupRow> groups(String listener) {
        return order.sorted(groupConfigs(listener)).stream().map(HatAdministration::row).toList();
    }

    public GroupRow group(String listener, String name) {
        return row(groupConfig(listener, name));
    }

    public List<PolicyRow> policies(String listener) {
        List<GroupRow> groups = groups(listener);
        return store.list(ConfigStore.POLICY_PID).stream().map(ConfigStore.Stored::properties)
                .filter(of(listener, PolicySettings.LISTENER))
                .map(p -> {
                    String l = ConfigValues.text(p, PolicySettings.LISTENER, "?");
                    String n = ConfigValues.text(p, PolicySettings.NAME, "?");
                    int used = (int) groups.stream().filter(g -> g.listener().equals(l) && g.policy().equals(n)).count();
                    return new PolicyRow(l, n, ConfigValues.text(p, PolicySettings.ACCESS, "ACCEPT"), used);
                })
                .sorted(Comparator.comparing(PolicyRow::listener).thenComparing(PolicyRow::name)).toList();
    }

    /** Every effective parameter of a policy, and whether it is inherited from the listener. */
    public List<ParameterRow> policy(String listener, String name) {
        PolicySettings policy = PolicySettings.from(policyConfig(listener, name).properties());
        ListenerSettings defaults = ListenerSettings.from(listenerConfig(listener).properties());
        EffectivePolicy effective = EffectivePolicy.resolve(policy, defaults);
        List<ParameterRow> rows = new ArrayList<>();
        rows.add(new ParameterRow(PolicySettings.ACCESS, policy.access().name(), false, "What happens to the connection"));
        for (PolicyParameter p : PolicyParameter.values()) {
            rows.add(new ParameterRow(p.key(), String.valueOf(effective.values().get(p)),
                    !effective.ownValues().contains(p), p.description()));
        }
        return rows;
    }

    public List<RatRow> rat(String listener) {
        List<RatRow> rows = new ArrayList<>();
        for (ConfigStore.Stored s : store.list(ConfigStore.LISTENER_PID)) {
            String l = ConfigValues.text(s.properties(), ListenerSettings.LISTENER, "?");
            if ((listener == null || listener.equals(l)) && ConfigValues.bool(s.properties(), ListenerSettings.PUBLIC, false)) {
                List<String> entries = ConfigValues.list(s.properties(), ListenerSettings.RAT);
                for (int i = 0; i < entries.size(); i++) {
                    rows.add(new RatRow(l, i, entries.get(i)));
                }
                rows.add(new RatRow(l, -1, RatEntry.ALL.text()));
            }
        }
        return rows;
    }

    // ---- sender groups ------------------------------------------------------------------------

    public void addGroup(String listener, String name, String policy, Integer position, String comment) {
        listenerConfig(listener);
        if (find(groupConfigs(listener), name) != null) {
            throw new IllegalArgumentException("sender group " + name + " already exists on listener " + listener);
        }
        policyConfig(listener, policy);
        Map<String, Object> props = new HashMap<>(Map.of(GroupSettings.LISTENER, listener,
                GroupSettings.NAME, name, GroupSettings.POLICY, policy, GroupSettings.ENTRIES, new String[0],
                GroupSettings.COMMENT, comment == null ? "" : comment));
        props.put(GroupSettings.ORDER, position != null ? position : order.beforeCatchAll(groupConfigs(listener)));
        validate(listener, ConfigStore.GROUP_PID, null, props);
        store.create(ConfigStore.GROUP_PID, listener, name, props);
    }

    public void deleteGroup(String listener, String name) {
        store.delete(groupConfig(listener, name));
    }

    /** Moves a group before or after another, or to the top; the listener's groups are renumbered 10, 20, ... */
    public void moveGroup(String listener, String name, String before, String after, boolean top) {
        order.move(groupConfigs(listener), groupConfig(listener, name), before, after, top);
    }

    public void addEntries(String listener, String group, List<String> entries) {
        ConfigStore.Stored g = groupConfig(listener, group);
        List<String> current = new ArrayList<>(ConfigValues.list(g.properties(), GroupSettings.ENTRIES));
        for (String e : entries) {
            EntryParser.parse(e);
            if (!current.contains(e.trim())) {
                current.add(e.trim());
            }
        }
        g.properties().put(GroupSettings.ENTRIES, current.toArray(String[]::new));
        validate(listener, ConfigStore.GROUP_PID, g, g.properties());
        store.update(g);
    }

    public void deleteEntries(String listener, String group, List<String> entries) {
        ConfigStore.Stored g = groupConfig(listener, group);
        List<String> current = new ArrayList<>(ConfigValues.list(g.properties(), GroupSettings.ENTRIES));
        for (String e : entries) {
            if (!current.remove(e.trim())) {
                throw new IllegalArgumentException("sender group " + group + " has no entry '" + e + "'");
            }
        }
        g.properties().put(GroupSettings.ENTRIES, current.toArray(String[]::new));
        store.update(g);
    }

    // ---- policies -----------------------------------------------------------------------------

    public void addPolicy(String listener, String name, String access) {
        listenerConfig(listener);
        if (findPolicy(listener, name) != null) {
            throw new IllegalArgumentException("policy " + name + " already exists on listener " + listener);
        }
        AccessRule rule = PolicySettings.access(access);
        Map<String, Object> props = Map.of(PolicySettings.LISTENER, listener, PolicySettings.NAME, name,
                PolicySettings.ACCESS, rule.name());
        validate(listener, ConfigStore.POLICY_PID, null, props);
        store.create(ConfigStore.POLICY_PID, listener, name, props);
    }

    /** Sets a parameter (or {@code access}); a null value unsets it, so the policy inherits it again. */
    public void setPolicy(String listener, String name, String parameter, String value) {
        ConfigStore.Stored p = policyConfig(listener, name);
        if (parameter.equalsIgnoreCase(PolicySettings.ACCESS)) {
            if (value == null) {
                throw new IllegalArgumentException("access cannot be inherited; give ACCEPT, REJECT, TCPREFUSE, RELAY or CONTINUE");
            }
            p.properties().put(PolicySettings.ACCESS, PolicySettings.access(value).name());
        } else {
            PolicyParameter param = PolicyParameter.byKey(parameter);
            if (value == null) {
                p.properties().remove(param.key());
            } else {
                Object typed = param.parse(value);
                if (typed == null) {
                    throw new IllegalArgumentException("no value given for " + param.key() + "; use --inherit to unset it");
                }
                p.properties().put(param.key(), typed instanceof Enum<?> e ? e.name() : typed);
            }
        }
        validate(listener, ConfigStore.POLICY_PID, p, p.properties());
        store.update(p);
    }

    public void deletePolicy(String listener, String name) {
        ConfigStore.Stored p = policyConfig(listener, name);
        List<String> users = groups(listener).stream().filter(g -> g.policy().equals(name)).map(GroupRow::name).toList();
        if (!users.isEmpty()) {
            throw new IllegalArgumentException("policy " + name + " is used by sender group(s) " + String.join(", ", users));
        }
        store.delete(p);
    }

    // ---- RAT ----------------------------------------------------------------------------------

    /** @param before 0-based position to insert at; null appends (above the final ALL) */
    public void addRat(String listener, String entry, Integer before) {
        ConfigStore.Stored l = listenerConfig(listener);
        if (!ConfigValues.bool(l.properties(), ListenerSettings.PUBLIC, false)) {
            throw new IllegalArgumentException("listener " + listener + " is not public: it has no RAT");
        }
        RatEntry parsed = RatEntry.parse(entry);
        List<String> entries = new ArrayList<>(ConfigValues.list(l.properties(), ListenerSettings.RAT));
        if (entries.stream().anyMatch(e -> RatEntry.parse(e).recipient().equals(parsed.recipient()))) {
            throw new IllegalArgumentException("the RAT of " + listener + " already has an entry for " + parsed.recipient());
        }
        int at = before == null ? entries.size() : before;
        if (at < 0 || at > entries.size()) {
            throw new IllegalArgumentException("position must be 0.." + entries.size());
        }
        entries.add(at, parsed.text());
        l.properties().put(ListenerSettings.RAT, entries.toArray(String[]::new));
        validate(listener, ConfigStore.LISTENER_PID, l, l.properties());
        store.update(l);
    }

    public void deleteRat(String listener, String recipient) {
        if (recipient.equalsIgnoreCase("ALL")) {
            throw new IllegalArgumentException("ALL -> REJECT is always the last RAT entry and cannot be removed");
        }
        ConfigStore.Stored l = listenerConfig(listener);
        List<String> entries = new ArrayList<>(ConfigValues.list(l.properties(), ListenerSettings.RAT));
        String key = recipient.trim().toLowerCase(Locale.ROOT);
        if (!entries.removeIf(e -> RatEntry.parse(e).recipient().equals(key))) {
            throw new IllegalArgumentException("the RAT of " + listener + " has no entry for " + recipient);
        }
        l.properties().put(ListenerSettings.RAT, entries.toArray(String[]::new));
        store.update(l);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Compiles the listener's HAT with one configuration replaced (or added) and refuses the edit if it breaks. */
    private void validate(String listener, String pid, ConfigStore.Stored replaced, Map<String, Object> props) {
        List<Map<String, Object>> listeners = with(ConfigStore.LISTENER_PID, pid, replaced, props);
        List<Map<String, Object>> policies = with(ConfigStore.POLICY_PID, pid, replaced, props);
        List<Map<String, Object>> groups = with(ConfigStore.GROUP_PID, pid, replaced, props);
        ListenerTable table = HatCompiler.compile(listeners, policies, groups).get(listener);
        if (table != null && !table.usable()) {
            throw new IllegalArgumentException(table.problem());
        }
    }

    private List<Map<String, Object>> with(String kind, String pid, ConfigStore.Stored replaced, Map<String, Object> props) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConfigStore.Stored s : store.list(kind)) {
            boolean same = replaced != null && s.configuration().getPid().equals(replaced.configuration().getPid());
            if (!same) {
                out.add(s.properties());
            }
        }
        if (kind.equals(pid)) {
            out.add(props);
        }
        return out;
    }

    private List<ConfigStore.Stored> groupConfigs(String listener) {
        return store.list(ConfigStore.GROUP_PID).stream().filter(s -> of(listener, GroupSettings.LISTENER).test(s.properties()))
                .toList();
    }

    private ConfigStore.Stored groupConfig(String listener, String name) {
        ConfigStore.Stored g = find(groupConfigs(listener), name);
        if (g == null) {
            throw new IllegalArgumentException("no sender group " + name + " on listener " + listener);
        }
        return g;
    }

    private ConfigStore.Stored findPolicy(String listener, String name) {
        return find(store.list(ConfigStore.POLICY_PID).stream()
                .filter(s -> of(listener, PolicySettings.LISTENER).test(s.properties())).toList(), name);
    }

    private ConfigStore.Stored policyConfig(String listener, String name) {
        ConfigStore.Stored p = findPolicy(listener, name);
        if (p == null) {
            throw new IllegalArgumentException("no policy " + name + " on listener " + listener);
        }
        return p;
    }

    private ConfigStore.Stored listenerConfig(String listener) {
        return store.list(ConfigStore.LISTENER_PID).stream()
                .filter(s -> listener.equals(ConfigValues.text(s.properties(), ListenerSettings.LISTENER, null)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no HAT listener " + listener
                        + "; known: " + String.join(", ", listeners())));
    }

    private static ConfigStore.Stored find(List<ConfigStore.Stored> configs, String name) {
        return configs.stream().filter(s -> name.equals(ConfigValues.text(s.properties(), "name", null)))
                .findFirst().orElse(null);
    }

    private static Predicate<Map<String, Object>> of(String listener, String key) {
        return p -> listener == null || listener.equals(ConfigValues.text(p, key, null));
    }

    private static GroupRow row(ConfigStore.Stored s) {
        GroupSettings g = GroupSettings.from(s.properties());
        return new GroupRow(g.listener(), g.name(), g.order(), g.policy(), g.entries(), g.comment());
    }
}
