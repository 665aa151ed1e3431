package org.gatehouse.antispam.internal;

import java.util.List;

/** One line of scan output, JSON: {@code {"file":..,"score":..,"verdict":..,"rules":[..]}}. */
final class ScanLine {

    static final int TOP_RULES = 8;

    private ScanLine() {
    }

    static String of(String file, SpamScore score, SpamVerdict verdict) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"file\":").append(quote(file))
                .append(",\"score\":").append(score.score())
                .append(",\"verdict\":\"").append(verdict.label()).append("\",\"rules\":[");
        List<String> rules = score.rules();
        for (int i = 0; i < Math.min(TOP_RULES, rules.size()); i++) {
            json.append(i == 0 ? "" : ",").append(quote(rules.get(i)));
        }
        return json.append("]}").toString();
    }

    static String error(String file, String message) {
        return "{\"file\":" + quote(file) + ",\"error\":" + quote(message) + "}";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
