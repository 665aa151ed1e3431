package org.gatehouse.antispam.internal;

import java.util.Locale;

/** What happens to a message with a given verdict. */
enum SpamAction {
    DELIVER, DROP, BOUNCE, QUARANTINE;

    static SpamAction parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("action must be deliver, drop, bounce or quarantine, not " + text, e);
        }
    }
}
