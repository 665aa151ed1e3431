package org.gatehouse.mailauth.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header section of a message, read from the start of its content up to the empty line; the
 * stream is left at the first octet of the body. The body is never read here, so a 10 MB message
 * costs only its header in memory (bounded by {@link #MAX_OCTETS}).
 */
final class HeaderSection {

    /** Longer header sections are cut here: what follows is neither parsed nor signed content. */
    static final int MAX_OCTETS = 1024 * 1024;

    private final List<HeaderField> fields;
    private final boolean truncated;

    private HeaderSection(List<HeaderField> fields, boolean truncated) {
        this.fields = List.copyOf(fields);
        this.truncated = truncated;
    }

    /** Reads the header; the stream must support single-byte reads cheaply (buffer it). */
    static HeaderSection read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> rawFields = new ArrayList<>();
        StringBuilder current = null;
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() > 0) {
                    current = addLine(rawFields, current, line);
                }
                break;
            }
            total++;
            if (total > MAX_OCTETS) {
                finish(rawFields, current);
                return new HeaderSection(parse(rawFields), true);
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            if (length == 0) {
                break;
            }
            line.reset();
            line.write(bytes, 0, length);
            current = addLine(rawFields, current, line);
            line.reset();
        }
        finish(rawFields, current);
        return new HeaderSection(parse(rawFields), false);
    }

    private static StringBuilder addLine(List<String> rawFields, StringBuilder current, ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (current != null && !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t')) {
            return current.append("\r\n").append(text);
        }
        finish(rawFields, current);
        return new StringBuilder(text);
    }

    private static void finish(List<String> rawFields, StringBuilder current) {
        if (current != null) {
            rawFields.add(current.toString());
        }
    }

    private static List<HeaderField> parse(List<String> rawFields) {
        return rawFields.stream().filter(r -> r.indexOf(':') > 0).map(HeaderField::of).toList();
    }

    List<HeaderField> fields() {
        return fields;
    }

    /** True when the header section was longer than {@link #MAX_OCTETS}. */
    boolean truncated() {
        return truncated;
    }

    List<HeaderField> all(String name) {
        return fields.stream().filter(f -> f.is(name)).toList();
    }
}
