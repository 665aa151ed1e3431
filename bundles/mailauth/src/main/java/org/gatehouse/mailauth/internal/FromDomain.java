package org.gatehouse.mailauth.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The RFC5322.From domain DMARC is about (RFC 7489 6.6.1). */
final class FromDomain {

    private FromDomain() {
    }

    /**
     * The domain of the From field(s), or an error text starting with "!" when there is not
     * exactly one domain (no From, several From fields, addresses of several domains).
     */
    static String of(List<HeaderField> fromFields) {
        if (fromFields.isEmpty()) {
            return "!no From header";
        }
        if (fromFields.size() > 1) {
            return "!" + fromFields.size() + " From headers";
        }
        Set<String> domains = new LinkedHashSet<>();
        String value = withoutCommentsAndQuotes(fromFields.get(0).value());
        for (String address : addresses(value)) {
            int at = address.lastIndexOf('@');
            if (at > 0 && at < address.length() - 1) {
                domains.add(address.substring(at + 1).strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
            }
        }
        if (domains.isEmpty()) {
            return "!no domain in From";
        }
        if (domains.size() > 1) {
            return "!From has addresses of several domains";
        }
        return domains.iterator().next();
    }

    private static List<String> addresses(String value) {
        if (value.indexOf('<') >= 0) {
            List<String> inAngles = new java.util.ArrayList<>();
            int i = 0;
            while ((i = value.indexOf('<', i)) >= 0) {
                int close = value.indexOf('>', i);
                if (close < 0) {
                    break;
                }
                inAngles.add(value.substring(i + 1, close).strip());
                i = close + 1;
            }
            return inAngles;
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    /** Drops (comments) and "quoted display names", where an @ would mislead. */
    private static String withoutCommentsAndQuotes(String value) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                i++;
                continue;
            }
            if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
            } else if (depth == 0 && !quoted) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
