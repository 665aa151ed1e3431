package org.gatehouse.antispam.internal;

import java.util.Locale;

/** The anti-spam verdict of a message, as the mail log and the headers say it. */
enum SpamVerdict {
    POSITIVE, SUSPECTED, NEGATIVE;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
