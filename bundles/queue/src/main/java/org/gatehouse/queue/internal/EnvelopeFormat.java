package org.gatehouse.queue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.Recipient;

/**
 * Writes and reads the envelope header of a message file. Layout (version 1):
 *
 * <pre>
 * GATEHOUSE-SPOOL 1
 * mid 6
 * received 2026-11-23T12:00:00Z
 * from a@example.org
 * rcpt 0 b@example.com
 * ... connection facts ...
 * (empty line)
 * content as the listener wrote it
 * </pre>
 *
 * Text, one escaped field per line, so an admin can read it with {@code less} and nothing
 * from the network is ever deserialized as objects.
 */
final class EnvelopeFormat {

    static final String MAGIC = "GATEHOUSE-SPOOL";
    static final int VERSION = 1;
    /** An envelope header larger than this is corrupt, not a message with many recipients. */
    static final int MAX_HEADER = 4 * 1024 * 1024;

    private EnvelopeFormat() {
    }

    static byte[] encode(long mid, Envelope envelope, Connection connection, Instant received) {
        StringBuilder out = new StringBuilder(256 + 64 * envelope.recipients().size());
        out.append(MAGIC).append(' ').append(VERSION).append('\n');
        SpoolText.field(out, "mid", mid);
        SpoolText.field(out, "received", received);
        out.append("from ").append(SpoolText.escape(envelope.mailFrom())).append('\n');
        SpoolText.field(out, "smtputf8", envelope.smtpUtf8());
        SpoolText.field(out, "body", envelope.body());
        for (Recipient r : envelope.recipients()) {
            out.append("rcpt ").append(r.rid()).append(' ').append(SpoolText.escape(r.address())).append('\n');
        }
        if (connection != null) {
            SpoolText.field(out, "icid", connection.icid());
            SpoolText.field(out, "listener", connection.listener());
            SpoolText.field(out, "remote-ip", connection.remoteIp());
            SpoolText.field(out, "rdns", connection.reverseDns());
            SpoolText.field(out, "rdns-verified", connection.reverseDnsVerified());
            SpoolText.field(out, "helo", connection.helo());
            SpoolText.field(out, "tls", connection.tlsProtocol());
            SpoolText.field(out, "sender-group", connection.senderGroup());
            SpoolText.field(out, "policy", connection.policy());
            SpoolText.field(out, "sbrs", connection.sbrs());
            if (!connection.skippedStages().isEmpty()) {
                SpoolText.field(out, "skipped-stages", String.join(",", new java.util.TreeSet<>(connection.skippedStages())));
            }
            SpoolText.field(out, "auth-user", connection.authenticatedUser());
            for (var setting : new java.util.TreeMap<>(connection.stageSettings()).entrySet()) {
                SpoolText.field(out, "stage-setting", setting.getKey() + "=" + setting.getValue());
            }
        }
        out.append('\n');
        return SpoolText.utf8(out);
    }

    /** Spool files written before policies could turn stages off have no such line: none skipped. */
    private static java.util.Set<String> skippedStages(String list) {
        return list == null || list.isBlank() ? java.util.Set.of() : java.util.Set.of(list.split(","));
    }

    /** Reads the header of a spooled message file. */
    static MessageHeader read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[8192];
            int len = 0;
            while (true) {
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    throw new IOException("message file ends inside its envelope header");
                }
                int scanFrom = Math.max(0, len - 1);
                len += n;
                int end = SpoolText.endOfBlock(buf, len, scanFrom);
                if (end > 0) {
                    return decode(buf, end);
                }
                if (len == buf.length) {
                    if (buf.length >= MAX_HEADER) {
                        throw new IOException("envelope header larger than " + MAX_HEADER + " octets");
                    }
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
            }
        }
    }

    static MessageHeader decode(byte[] data, int end) throws IOException {
        String[] lines = SpoolText.lines(data, 0, end - 2);
        if (lines.length == 0 || !lines[0].startsWith(MAGIC + ' ')) {
            throw new IOException("not a Gatehouse spool file");
        }
        int version = parseInt(lines[0].substring(MAGIC.length() + 1));
        if (version > VERSION) {
            throw new IOException("spool file version " + version + " is newer than " + VERSION);
        }
        Fields f = new Fields();
        List<Recipient> recipients = new ArrayList<>();
        java.util.Map<String, String> stageSettings = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int sp = line.indexOf(' ');
            String key = sp < 0 ? line : line.substring(0, sp);
            String value = sp < 0 ? "" : line.substring(sp + 1);
            if (key.equals("rcpt")) {
                int sp2 = value.indexOf(' ');
                if (sp2 < 0) {
                    throw new IOException("bad recipient line in spool file");
                }
                recipients.add(new Recipient(parseInt(value.substring(0, sp2)), SpoolText.unescape(value.substring(sp2 + 1))));
            } else if (key.equals("stage-setting")) {
                String setting = SpoolText.unescape(value);
                int eq = setting.indexOf('=');
                if (eq < 1) {
                    throw new IOException("bad stage setting line in spool file");
                }
                stageSettings.put(setting.substring(0, eq), setting.substring(eq + 1));
            } else {
                f.put(key, SpoolText.unescape(value));
            }
        }
        String mid = f.required("mid");
        Envelope envelope = new Envelope(f.required("from"), recipients,
                Boolean.parseBoolean(f.get("smtputf8")), f.get("body"));
        Connection connection = null;
        if (f.get("icid") != null) {
            String sbrs = f.get("sbrs");
            connection = new Connection(parseLong(f.get("icid")), f.get("listener"), f.get("remote-ip"),
                    f.get("rdns"), Boolean.parseBoolean(f.get("rdns-verified")), f.get("helo"), f.get("tls"),
                    f.get("sender-group"), f.get("policy"), sbrs == null ? null : parseDouble(sbrs),
                    skippedStages(f.get("skipped-stages")), f.get("auth-user"), stageSettings);
        }
        Instant received;
        try {
            received = Instant.parse(f.required("received"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException("bad received time in spool file", e);
        }
        return new MessageHeader(parseLong(mid), envelope, connection, received, end);
    }

    static int parseInt(String s) throws IOException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad number in spool file: " + s, e);
        }
    }

    static long parseLong(String s) throws IOException {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad number in spool file: " + s, e);
        }
    }

    private static double parseDouble(String s) throws IOException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException("bad number in spool file: " + s, e);
        }
    }

    /** The named fields of a header, with a clear error for a missing one. */
    private static final class Fields extends java.util.HashMap<String, String> {
        private static final long serialVersionUID = 1L;

        String required(String key) throws IOException {
            String v = get(key);
            if (v == null) {
                throw new IOException("spool file lacks field " + key);
            }
            return v;
        }
    }
}
