package org.gatehouse.mailauth.internal;

/** Ends an SPF evaluation with temperror or permerror (RFC 7208 4.6, 4.4). */
final class SpfException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SpfResult result;

    SpfException(SpfResult result, String why) {
        super(why, null, false, false);
        this.result = result;
    }

    static SpfException perm(String why) {
        return new SpfException(SpfResult.PERMERROR, why);
    }

    static SpfException temp(String why) {
        return new SpfException(SpfResult.TEMPERROR, why);
    }

    SpfResult result() {
        return result;
    }
}
