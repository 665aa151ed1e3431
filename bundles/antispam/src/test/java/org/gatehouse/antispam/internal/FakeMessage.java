package org.gatehouse.antispam.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.api.ContentWriter;
import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.Recipient;

/** A message held in memory, recording the headers and annotations stages add. */
final class FakeMessage implements MailMessage {

    final List<String[]> addedHeaders = new ArrayList<>();
    final Map<String, String> annotations = new LinkedHashMap<>();
    private byte[] content;
    private final Envelope envelope;
    private Connection connection;

    FakeMessage(String content, String senderGroup, String... recipients) {
        this.content = content.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        List<Recipient> rcpts = new ArrayList<>();
        for (int i = 0; i < recipients.length; i++) {
            rcpts.add(new Recipient(i, recipients[i]));
        }
        this.envelope = new Envelope("sender@example.org", rcpts, false, "8BITMIME");
        this.connection = new Connection(5, "public", "192.0.2.7", "mail.example.org", true, "mail.example.org",
                null, senderGroup, "ACCEPTED", null);
    }

    /** The connection's policy gives the stages these settings ({@code antispam.engine = spamd}, ...). */
    FakeMessage policySettings(Map<String, String> settings) {
        Connection c = connection;
        connection = new Connection(c.icid(), c.listener(), c.remoteIp(), c.reverseDns(), c.reverseDnsVerified(), c.helo(),
                c.tlsProtocol(), c.senderGroup(), c.policy(), c.sbrs(), c.skippedStages(), null, settings);
        return this;
    }

    /** A field a stage added or set (the fake serves the original content unchanged). */
    String added(String name) {
        return addedHeaders.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    @Override
    public String header(String name) {
        String added = added(name);
        if (added != null) {
            return added;
        }
        for (String line : new String(content, StandardCharsets.UTF_8).split("\r\n")) {
            if (line.isEmpty()) {
                return null;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void setHeader(String name, String value) {
        addedHeaders.removeIf(h -> h[0].equalsIgnoreCase(name));
        addedHeaders.add(new String[] {name, value});
    }

    @Override
    public long mid() {
        return 6;
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
        addedHeaders.add(new String[] {name, value});
    }

    @Override
    public void replaceContent(ContentWriter writer) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        content = out.toByteArray();
    }
}
