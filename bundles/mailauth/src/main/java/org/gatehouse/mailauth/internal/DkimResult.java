package org.gatehouse.mailauth.internal;

import java.util.Locale;

/** DKIM results of RFC 8601 2.7.1. */
public enum DkimResult {
    NONE, PASS, FAIL, POLICY, NEUTRAL, TEMPERROR, PERMERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
