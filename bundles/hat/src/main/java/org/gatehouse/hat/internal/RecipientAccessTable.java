package org.gatehouse.hat.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A public listener's RAT: entries read top-down, first match wins, and {@code ALL -> REJECT} at the
 * end. Each entry kind sits in a hash map keyed by its pattern with its position, so a lookup
 * tries the few keys a recipient could match and keeps the earliest, however long the table is.
 */
final class RecipientAccessTable {

    private final List<RatEntry> entries;
    private final Map<String, Integer> positions = new HashMap<>();

    /** @throws IllegalArgumentException naming the first bad entry */
    RecipientAccessTable(List<String> lines) {
        this.entries = lines.stream().map(RatEntry::parse).toList();
        for (int i = 0; i < entries.size(); i++) {
            positions.putIfAbsent(entries.get(i).recipient(), i);
        }
    }

    /** The entry for a recipient address ({@code local@domain}); {@link RatEntry#ALL} when none matches. */
    RatEntry match(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            return RatEntry.ALL;
        }
        String domain = a.substring(at + 1);
        int best = earliest(Integer.MAX_VALUE, a);
        best = earliest(best, a.substring(0, at + 1));
        best = earliest(best, domain);
        if (!domain.startsWith("[")) {
            for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
                best = earliest(best, domain.substring(dot));
            }
        }
        return best == Integer.MAX_VALUE ? RatEntry.ALL : entries.get(best);
    }

    private int earliest(int best, String key) {
        Integer p = positions.get(key);
        return p != null && p < best ? p : best;
    }

    /** The entries as configured, without the final ALL. */
    List<RatEntry> entries() {
        return entries;
    }
}
