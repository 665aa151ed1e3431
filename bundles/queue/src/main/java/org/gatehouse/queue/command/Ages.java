package org.gatehouse.queue.command;

import java.time.Duration;
import java.time.Instant;

/** Ages in the short form admins read at a glance: 45s, 12m, 3h, 2d. */
final class Ages {

    private Ages() {
    }

    static String since(Instant then) {
        if (then == null) {
            return "-";
        }
        long s = Math.max(0, Duration.between(then, Instant.now()).getSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        if (s < 172800) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }

    static String until(Instant when) {
        if (when == null) {
            return "-";
        }
        long s = Duration.between(Instant.now(), when).getSeconds();
        return s <= 0 ? "due" : "in " + since(Instant.now().minusSeconds(s));
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
