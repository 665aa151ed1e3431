package org.gatehouse.antispam.internal;

/**
 * One header field of the message, unfolded, with RFC 2047 encoded words decoded.
 *
 * @param name  the field name as written
 * @param value the decoded value
 */
record HeaderField(String name, String value) {

    boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
