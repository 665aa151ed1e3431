package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.api.Connection;
import org.gatehouse.api.ContentWriter;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.Recipient;

/**
 * A spooled message in memory that behaves like the queue's: added header fields go on top of
 * the content, a set field replaces the sender's fields of that name, {@link #header} reads
 * what will be delivered, and {@link #replaceContent} swaps the content and drops the fields
 * added or set before it.
 */
final class InMemoryMessage implements MailMessage {

    private byte[] content;
    private final Envelope envelope;
    private final Connection connection;
    final Map<String, String> annotations = new LinkedHashMap<>();
    /** Fields added or set by stages, in order (a set one replaces the sender's of that name). */
    final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> setNames = new ArrayList<>();
    int replacements;

    InMemoryMessage(byte[] content) {
        this(content, new Envelope("a@example.org", List.of(new Recipient(0, "b@example.com")), false, "7BIT"), null);
    }

    InMemoryMessage(byte[] content, Envelope envelope, Connection connection) {
        this.content = content;
        this.envelope = envelope;
        this.connection = connection;
    }

    /** The spooled content, without the fields stages added. */
    byte[] spooled() {
        return content;
    }

    @Override public long mid() { return 6; }
    @Override public Envelope envelope() { return envelope; }
    @Override public Connection connection() { return connection; }
    @Override public Instant received() { return Instant.EPOCH; }
    @Override public long size() { return delivered().length; }
    @Override public Map<String, String> annotations() { return annotations; }
    @Override public void annotate(String key, String value) { annotations.put(key, value); }

    @Override
    public InputStream openContent() {
        return new ByteArrayInputStream(delivered());
    }

    @Override
    public void addHeader(String name, String value) {
        headers.put(name, value);
    }

    @Override
    public void setHeader(String name, String value) {
        headers.put(name, value);
        setNames.add(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String header(String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return spooledField(name);
    }

    @Override
    public void replaceContent(ContentWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        content = out.toByteArray();
        headers.clear();
        setNames.clear();
        replacements++;
    }

    /** Added fields on top, then the content without the sender's fields that a stage set. */
    private byte[] delivered() {
        StringBuilder top = new StringBuilder();
        headers.forEach((n, v) -> top.append(n).append(": ").append(v).append("\r\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(top.toString().getBytes(StandardCharsets.UTF_8));
        if (setNames.isEmpty()) {
            out.writeBytes(content);
            return out.toByteArray();
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end + 2);
        boolean skipping = false;
        for (String line : head.split("(?<=\r\n)")) {
            if (!line.startsWith(" ") && !line.startsWith("\t")) {
                int colon = line.indexOf(':');
                skipping = colon > 0 && setNames.contains(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
            }
            if (!skipping) {
                out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        if (end >= 0) {
            out.writeBytes(text.substring(end + 2).getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private String spooledField(String name) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n[ \t]+", " ");
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
