package org.gatehouse.queue.internal;

/** A header field a stage put on top of the message. */
public record AddedHeader(String name, String value) {

    /** The field as delivered; CR and LF are replaced so a stage cannot inject extra fields. */
    String line() {
        return name + ": " + value.replace('\r', ' ').replace('\n', ' ') + "\r\n";
    }
}
