package org.gatehouse.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mail log event: the classic text line ({@code Start MID 6 ICID 5}) and the same facts as
 * named fields for the JSON log that SIEMs read.
 *
 * @param type   a dotted event name, e.g. {@code message.start}
 * @param text   the line in the familiar ICID/MID/RID/DCID shape
 * @param fields the facts, in order (mid, icid, rid, dcid, from, to, ...)
 */
public record MailEvent(String type, String text, Map<String, Object> fields) {

    public MailEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Starts an event; add facts with {@link Builder#with} and finish with {@link Builder#text}. */
    public static Builder of(String type) {
        return new Builder(type);
    }

    public static final class Builder {
        private final String type;
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder(String type) {
            this.type = type;
        }

        public Builder with(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        public MailEvent text(String text) {
            return new MailEvent(type, text, fields);
        }
    }
}
