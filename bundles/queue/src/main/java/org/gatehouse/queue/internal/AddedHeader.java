package org.gatehouse.queue.internal;

/**
 * A header field a stage put on top of the message; {@code replaces}: the fields of that name
 * in the spooled text are left out on delivery (a stage set the field rather than adding one).
 */
public record AddedHeader(String name, String value, boolean replaces) {

    public AddedHeader(String name, String value) {
        this(name, value, false);
    }

    /** The field as delivered; CR and LF are replaced so a stage cannot inject extra fields. */
    String line() {
        return name + ": " + value.replace('\r', ' ').replace('\n', ' ') + "\r\n";
    }
}
