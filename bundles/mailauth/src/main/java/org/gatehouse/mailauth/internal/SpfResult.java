package org.gatehouse.mailauth.internal;

import java.util.Locale;

/** The results of an SPF check (RFC 7208 2.6), spelled as Authentication-Results wants them. */
public enum SpfResult {
    PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, TEMPERROR, PERMERROR;

    /** {@code pass}, {@code softfail}... as in Authentication-Results and Received-SPF. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code Pass}, {@code SoftFail}... as IronPort's mail log writes them. */
    public String logWord() {
        return switch (this) {
            case PASS -> "Pass";
            case FAIL -> "Fail";
            case SOFTFAIL -> "SoftFail";
            case NEUTRAL -> "Neutral";
            case NONE -> "None";
            case TEMPERROR -> "TempError";
            case PERMERROR -> "PermError";
        };
    }

    /** The result a mechanism with this qualifier gives when it matches. */
    static SpfResult ofQualifier(char qualifier) {
        return switch (qualifier) {
            case '-' -> FAIL;
            case '~' -> SOFTFAIL;
            case '?' -> NEUTRAL;
            default -> PASS;
        };
    }
}
