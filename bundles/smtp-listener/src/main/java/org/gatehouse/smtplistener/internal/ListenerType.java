package org.gatehouse.smtplistener.internal;

import java.util.Locale;

/** Public listeners take Internet mail for our domains; private ones relay for internal hosts. */
enum ListenerType {
    PUBLIC, PRIVATE;

    static ListenerType parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "public", "" -> PUBLIC;
            case "private" -> PRIVATE;
            default -> throw new IllegalArgumentException("type must be public or private, not " + text);
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
