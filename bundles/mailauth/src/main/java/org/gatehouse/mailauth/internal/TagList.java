package org.gatehouse.mailauth.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A DKIM/DMARC tag=value list (RFC 6376 3.2): {@code v=1; a=rsa-sha256; ...}. */
final class TagList {

    private TagList() {
    }

    /** Tags in order, names as written, values with folding whitespace around them removed. */
    static Map<String, String> parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : text.replace("\r\n", "").split(";")) {
            String spec = part.strip();
            if (spec.isEmpty()) {
                continue;
            }
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("tag without '=': " + spec);
            }
            String name = spec.substring(0, eq).strip();
            if (tags.containsKey(name)) {
                throw new IllegalArgumentException("tag " + name + " given twice");
            }
            tags.put(name, spec.substring(eq + 1).strip());
        }
        return tags;
    }

    /** Base64 values may be folded: all whitespace goes. */
    static String noWhitespace(String value) {
        return value.replaceAll("[ \t\r\n]", "");
    }
}
