package org.gatehouse.antispam.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code rule.points} key: {@code HTML_ONLY=4, SUBJ_SALES=0}. */
final class RulePoints {

    private RulePoints() {
    }

    static Map<String, Integer> parse(String text) {
        Map<String, Integer> points = new HashMap<>();
        if (text == null || text.isBlank()) {
            return points;
        }
        for (String item : text.split(",")) {
            String[] pair = item.split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("rule.points entries look like RULE=points, not: " + item.trim());
            }
            try {
                points.put(pair[0].trim().toUpperCase(Locale.ROOT), Integer.parseInt(pair[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rule.points: not a whole number for " + pair[0].trim(), e);
            }
        }
        return points;
    }
}
