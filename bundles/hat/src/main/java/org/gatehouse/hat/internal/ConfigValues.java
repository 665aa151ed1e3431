package org.gatehouse.hat.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads raw Config Admin values, which arrive as Strings from .cfg files or typed from the console. */
final class ConfigValues {

    private ConfigValues() {
    }

    static String text(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString().trim();
    }

    static String required(Map<String, ?> props, String key) {
        String v = text(props, key, null);
        if (v == null) {
            throw new IllegalArgumentException("'" + key + "' is not set");
        }
        return v;
    }

    static boolean bool(Map<String, ?> props, String key, boolean fallback) {
        String v = text(props, key, null);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    static int integer(Map<String, ?> props, String key, int fallback) {
        String v = text(props, key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, not '" + v + "'", e);
        }
    }

    /**
     * A list: an array or collection (as the console writes it) or one String of comma-separated
     * items (handy in hand-written .cfg files). Blank items are dropped.
     */
    static List<String> list(Map<String, ?> props, String key) {
        Object v = props.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof String[] array) {
            add(out, List.of(array));
        } else if (v instanceof Collection<?> c) {
            add(out, c);
        } else if (v != null) {
            add(out, List.of(v.toString().split(",")));
        }
        return out;
    }

    private static void add(List<String> out, Collection<?> items) {
        for (Object o : items) {
            if (o != null && !o.toString().isBlank()) {
                out.add(o.toString().trim());
            }
        }
    }
}
