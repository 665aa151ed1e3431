package org.gatehouse.maillog.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The two files of the mail log. Text lines look like the incumbents'
 * ({@code Mon Nov 23 12:50:33 2026 Info: Start MID 6 ICID 5}); JSON lines carry the same
 * event with its fields. Used by the writer thread only.
 *
 * <p>A busy gateway writes a dozen lines per message, so the time stamps are formatted once
 * per second rather than once per line, and each line is built in one reused buffer.
 */
final class MailLogFiles implements AutoCloseable {

    static final String TEXT = "mail.log";
    static final String JSON = "mail.json";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);
    private static final int BUFFER_CHARS = 64 * 1024;

    private final ZoneId zone;
    /**
     * How often written log text is forced to disk. Not for durability (the log may lose its last
     * second in a crash) but for the spool's sake: left to the kernel, a burst's worth of log text
     * is written back all at once ~30 s later, and with ext4's ordered journal every spool fsync
     * in that moment waits behind it (measured: 150-200 ms accept latency stalls after a burst).
     */
    static final long FORCE_INTERVAL_NANOS = 1_000_000_000L;

    private final FileChannel textFile;
    private final FileChannel jsonFile;
    private final Writer text;
    private final Writer json;
    private long forcedAt = System.nanoTime();
    private boolean unforced;
    private final StringBuilder line = new StringBuilder(512);
    private long stampSecond = Long.MIN_VALUE;
    private String textStamp;
    private String isoSecond;

    MailLogFiles(Path directory, ZoneId zone) throws IOException {
        Files.createDirectories(directory);
        this.zone = zone;
        this.textFile = open(directory.resolve(TEXT));
        FileChannel jsonChannel = null;
        try {
            jsonChannel = open(directory.resolve(JSON));
        } finally {
            if (jsonChannel == null) {
                textFile.close();
            }
        }
        this.jsonFile = jsonChannel;
        this.text = writer(textFile);
        this.json = writer(jsonFile);
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static Writer writer(FileChannel file) {
        return new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(file), StandardCharsets.UTF_8),
                BUFFER_CHARS);
    }

    void write(LogRecord r) throws IOException {
        unforced = true;
        Instant time = r.time();
        stamps(time.getEpochSecond());
        StringBuilder out = line;
        out.setLength(0);
        out.append(textStamp).append(' ').append(r.level()).append(": ").append(r.event().text()).append('\n');
        text.append(out);

        Map<String, Object> fields = r.event().fields();
        if (fields.containsKey("time") || fields.containsKey("level") || fields.containsKey("event")
                || fields.containsKey("text")) {
            json.append(JsonLine.render(replacingOurs(r, isoTime(time)))).append('\n');
            return;
        }
        out.setLength(0);
        out.append('{');
        JsonLine.field(out, true, "time", isoTime(time));
        JsonLine.field(out, false, "level", lowerCase(r.level()));
        JsonLine.field(out, false, "event", r.event().type());
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            JsonLine.field(out, false, e.getKey(), e.getValue());
        }
        JsonLine.field(out, false, "text", r.event().text());
        out.append("}\n");
        json.append(out);
    }

    /** A field named like one of ours takes its place and value, as a map put does. */
    private static Map<String, Object> replacingOurs(LogRecord r, String time) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("time", time);
        all.put("level", lowerCase(r.level()));
        all.put("event", r.event().type());
        all.putAll(r.event().fields());
        all.put("text", r.event().text());
        return all;
    }

    /** Formats the second's stamps only when the second changes. */
    private void stamps(long second) {
        if (second != stampSecond) {
            Instant whole = Instant.ofEpochSecond(second);
            textStamp = STAMP.format(whole.atZone(zone));
            String iso = whole.toString();
            isoSecond = iso.substring(0, iso.length() - 1);
            stampSecond = second;
        }
    }

    /** The same text as {@link Instant#toString()}, from the cached second. */
    private String isoTime(Instant time) {
        int nano = time.getNano();
        if (nano == 0) {
            return isoSecond + 'Z';
        }
        StringBuilder s = new StringBuilder(isoSecond.length() + 11).append(isoSecond).append('.');
        int digits;
        int value;
        if (nano % 1_000_000 == 0) {
            value = nano / 1_000_000;
            digits = 3;
        } else if (nano % 1000 == 0) {
            value = nano / 1000;
            digits = 6;
        } else {
            value = nano;
            digits = 9;
        }
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            s.append('0');
        }
        return s.append(number).append('Z').toString();
    }

    private static String lowerCase(String level) {
        return switch (level) {
            case "Info" -> "info";
            case "Warning" -> "warning";
            default -> level.toLowerCase(Locale.ROOT);
        };
    }

    void flush() throws IOException {
        text.flush();
        json.flush();
        long now = System.nanoTime();
        if (unforced && now - forcedAt >= FORCE_INTERVAL_NANOS) {
            // A second's worth at a time keeps the kernel's dirty log pages few (see FORCE_INTERVAL_NANOS).
            textFile.force(false);
            jsonFile.force(false);
            forcedAt = now;
            unforced = false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            text.close();
        } finally {
            json.close();
        }
    }
}
