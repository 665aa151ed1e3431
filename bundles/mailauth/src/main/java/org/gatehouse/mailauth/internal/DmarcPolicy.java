package org.gatehouse.mailauth.internal;

import java.util.Locale;

/** What a domain asks receivers to do with mail that fails DMARC (p= and sp=). */
public enum DmarcPolicy {
    NONE, QUARANTINE, REJECT;

    static DmarcPolicy of(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "quarantine" -> QUARANTINE;
            case "reject" -> REJECT;
            default -> throw new IllegalArgumentException("unknown policy " + text);
        };
    }

    /** One step milder, for messages outside the pct= sample (RFC 7489 6.6.4). */
    DmarcPolicy milder() {
        return this == REJECT ? QUARANTINE : NONE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
