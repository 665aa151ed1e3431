package org.gatehouse.mailauth.internal;

import java.util.Locale;

/** What the gateway does with a message whose DMARC policy says quarantine or reject. */
public enum DmarcAction {
    QUARANTINE, DROP, TAG, DELIVER;

    static DmarcAction of(String text, DmarcAction fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown DMARC action '" + text + "' (quarantine, drop, tag, deliver)", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
