package org.gatehouse.mailauth.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Connection;
import org.gatehouse.api.ContentWriter;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.Recipient;

/** A message as the work queue hands it to a stage, held in memory, with what the stage added. */
class TestMessage implements MailMessage {

    private final long mid;
    private final Envelope envelope;
    private final Connection connection;
    private final byte[] content;
    private final Map<String, String> annotations = new LinkedHashMap<>();
    final Map<String, String> setHeaders = new LinkedHashMap<>();
    final List<String> addedHeaders = new ArrayList<>();

    TestMessage(long mid, String remoteIp, String helo, String mailFrom, Map<String, String> stageSettings, String content) {
        this.mid = mid;
        this.envelope = new Envelope(mailFrom, List.of(new Recipient(0, "bob@example.com")), false, "8BITMIME");
        this.connection = new Connection(1, "public", remoteIp, null, false, helo, null, "UNKNOWNLIST", "ACCEPTED", null,
                java.util.Set.of(), null, stageSettings);
        this.content = content.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public long mid() {
        return mid;
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Instant received() {
        return Instant.EPOCH;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public InputStream openContent() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public Map<String, String> annotations() {
        return annotations;
    }

    @Override
    public void annotate(String key, String value) {
        annotations.put(key, value);
    }

    @Override
    public void addHeader(String name, String value) {
        addedHeaders.add(name + ": " + value);
    }

    @Override
    public void setHeader(String name, String value) {
        setHeaders.put(name, value);
    }

    @Override
    public String header(String name) {
        if (setHeaders.containsKey(name)) {
            return setHeaders.get(name);
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    @Override
    public void replaceContent(ContentWriter writer) {
        throw new UnsupportedOperationException("the mailauth stage never replaces content");
    }
}
