package org.gatehouse.queue.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What stages added to a message: header fields served on top of the spooled content, and
 * annotations for later stages and the log. Not thread-safe: guarded by its message.
 */
final class StageAdditions {

    private final List<AddedHeader> headers;
    private final Map<String, String> annotations;
    private byte[] rendered;
    private boolean changed;

    StageAdditions(List<AddedHeader> headers, Map<String, String> annotations) {
        this.headers = new ArrayList<>(headers);
        this.annotations = new LinkedHashMap<>(annotations);
        this.rendered = render();
    }

    void addHeader(String name, String value) {
        headers.add(new AddedHeader(name, value));
        rendered = render();
        changed = true;
    }

    /** One field of that name from now on: earlier added ones go, spooled ones are left out on delivery. */
    void setHeader(String name, String value) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        headers.add(new AddedHeader(name, value, true));
        rendered = render();
        changed = true;
    }

    /** Names (lower case) of the spooled fields that are not delivered. */
    Set<String> replaced() {
        Set<String> names = new HashSet<>();
        for (AddedHeader h : headers) {
            if (h.replaces()) {
                names.add(h.name().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    void annotate(String key, String value) {
        annotations.put(key, value);
    }

    /** The added header fields as delivered, CRLF-terminated. */
    byte[] rendered() {
        return rendered;
    }

    /** Whether headers were added since the state was last written. */
    boolean changed() {
        return changed;
    }

    void saved() {
        changed = false;
    }

    /** Forgets the added and set fields: a stage replaced the content, which carries them now. */
    void clearHeaders() {
        headers.clear();
        rendered = new byte[0];
        changed = true;
    }

    /** Forgets everything, before the stages run (again). */
    void clear() {
        headers.clear();
        annotations.clear();
        rendered = new byte[0];
        changed = false;
    }

    List<AddedHeader> headers() {
        return List.copyOf(headers);
    }

    Map<String, String> annotations() {
        return new LinkedHashMap<>(annotations);
    }

    private byte[] render() {
        StringBuilder out = new StringBuilder();
        for (AddedHeader h : headers) {
            out.append(h.line());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
