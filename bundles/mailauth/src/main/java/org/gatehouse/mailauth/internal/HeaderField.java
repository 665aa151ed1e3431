package org.gatehouse.mailauth.internal;

import java.util.Locale;

/**
 * One header field exactly as it arrived: {@code raw} is the whole field, folding included,
 * without the final CRLF, decoded byte for byte (ISO-8859-1) so that hashing it again gives the
 * octets that were signed.
 */
record HeaderField(String name, String raw) {

    static HeaderField of(String raw) {
        int colon = raw.indexOf(':');
        String name = colon < 0 ? raw : raw.substring(0, colon);
        return new HeaderField(name.strip(), raw);
    }

    boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The value after the colon, exactly as written (folding included). */
    String rawValue() {
        int colon = raw.indexOf(':');
        return colon < 0 ? "" : raw.substring(colon + 1);
    }

    /** The value unfolded and trimmed, for reading (not for hashing). */
    String value() {
        return rawValue().replace("\r\n", "").replace("\n", "").strip();
    }
}
