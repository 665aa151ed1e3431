package org.gatehouse.hat.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a listener's sender groups as the console edits it: where a new group goes
 * (just above the catch-all {@code ALL} group) and moving a group, renumbering the groups
 * 10, 20, 30, ... so that there is always room between them for hand edits.
 */
final class GroupOrder {

    private static final int STEP = 10;

    private final ConfigStore store;

    GroupOrder(ConfigStore store) {
        this.store = store;
    }

    List<ConfigStore.Stored> sorted(List<ConfigStore.Stored> groups) {
        List<ConfigStore.Stored> out = new ArrayList<>(groups);
        out.sort(Comparator.comparingInt((ConfigStore.Stored s) -> orderOf(s))
                .thenComparing(s -> ConfigValues.text(s.properties(), GroupSettings.LISTENER, ""))
                .thenComparing(s -> ConfigValues.text(s.properties(), GroupSettings.NAME, "")));
        return out;
    }

    /** An order that puts a new group above the last group when that one holds {@code ALL}, else at the end. */
    int beforeCatchAll(List<ConfigStore.Stored> groups) {
        List<ConfigStore.Stored> ordered = sorted(groups);
        if (ordered.isEmpty()) {
            return STEP;
        }
        ConfigStore.Stored last = ordered.get(ordered.size() - 1);
        boolean catchAll = ConfigValues.list(last.properties(), GroupSettings.ENTRIES).stream().anyMatch("ALL"::equalsIgnoreCase);
        if (!catchAll) {
            return orderOf(last) + STEP;
        }
        int below = ordered.size() > 1 ? orderOf(ordered.get(ordered.size() - 2)) : orderOf(last) - 2 * STEP;
        int gap = orderOf(last) - below;
        if (gap >= 2) {
            return below + gap / 2;
        }
        renumber(ordered);
        return (ordered.size() - 1) * STEP + STEP / 2;
    }

    void move(List<ConfigStore.Stored> groups, ConfigStore.Stored moving, String before, String after, boolean top) {
        int targets = (before != null ? 1 : 0) + (after != null ? 1 : 0) + (top ? 1 : 0);
        if (targets != 1) {
            throw new IllegalArgumentException("give exactly one of --before <group>, --after <group> or --top");
        }
        List<ConfigStore.Stored> ordered = new ArrayList<>(sorted(groups));
        ordered.removeIf(s -> s.configuration().getPid().equals(moving.configuration().getPid()));
        int at = 0;
        if (!top) {
            String other = before != null ? before : after;
            int index = indexOf(ordered, other);
            if (index < 0) {
                throw new IllegalArgumentException("no sender group " + other + " to move next to");
            }
            at = before != null ? index : index + 1;
        }
        ordered.add(at, moving);
        renumber(ordered);
    }

    private void renumber(List<ConfigStore.Stored> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            ConfigStore.Stored s = ordered.get(i);
            int wanted = (i + 1) * STEP;
            if (orderOf(s) != wanted) {
                s.properties().put(GroupSettings.ORDER, wanted);
                store.update(s);
            }
        }
    }

    private static int indexOf(List<ConfigStore.Stored> ordered, String name) {
        for (int i = 0; i < ordered.size(); i++) {
            if (name.equals(ConfigValues.text(ordered.get(i).properties(), GroupSettings.NAME, null))) {
                return i;
            }
        }
        return -1;
    }

    private static int orderOf(ConfigStore.Stored s) {
        return ConfigValues.integer(s.properties(), GroupSettings.ORDER, 100);
    }
}
