package org.gatehouse.mailauth.internal;

import java.util.Locale;

/** DKIM header canonicalization, simple and relaxed (RFC 6376 3.4.1, 3.4.2). */
enum Canonicalization {
    SIMPLE, RELAXED;

    static Canonicalization of(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "simple" -> SIMPLE;
            case "relaxed" -> RELAXED;
            default -> throw new IllegalArgumentException("unknown canonicalization " + text);
        };
    }

    /** The field as it is hashed, without the final CRLF. */
    String header(HeaderField field) {
        if (this == SIMPLE) {
            return field.raw();
        }
        String value = field.rawValue().replace("\r\n", "").replace("\n", "");
        return field.lowerName() + ":" + collapse(value).strip();
    }

    /** Runs of spaces and tabs become one space (relaxed). */
    static String collapse(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        if (space) {
            out.append(' ');
        }
        return out.toString();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
