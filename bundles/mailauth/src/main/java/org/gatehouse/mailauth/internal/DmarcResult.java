package org.gatehouse.mailauth.internal;

import java.util.Locale;

/** DMARC results (RFC 7489 11.2). */
public enum DmarcResult {
    PASS, FAIL, NONE, TEMPERROR, PERMERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
