package org.gatehouse.maillog.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The two files of the mail log. Text lines look like the incumbents'
 * ({@code Mon Nov 23 12:50:33 2026 Info: Start MID 6 ICID 5}); JSON lines carry the same
 * event with its fields. Used by the writer thread only.
 */
final class MailLogFiles implements AutoCloseable {

    static final String TEXT = "mail.log";
    static final String JSON = "mail.json";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    private final ZoneId zone;
    private final BufferedWriter text;
    private final BufferedWriter json;

    MailLogFiles(Path directory, ZoneId zone) throws IOException {
        Files.createDirectories(directory);
        this.zone = zone;
        this.text = open(directory.resolve(TEXT));
        this.json = open(directory.resolve(JSON));
    }

    private static BufferedWriter open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void write(LogRecord r) throws IOException {
        text.write(STAMP.format(r.time().atZone(zone)));
        text.write(' ');
        text.write(r.level());
        text.write(": ");
        text.write(r.event().text());
        text.write('\n');

        Map<String, Object> all = new LinkedHashMap<>();
        all.put("time", r.time().toString());
        all.put("level", r.level().toLowerCase(Locale.ROOT));
        all.put("event", r.event().type());
        all.putAll(r.event().fields());
        all.put("text", r.event().text());
        json.write(JsonLine.render(all));
        json.write('\n');
    }

    void flush() throws IOException {
        text.flush();
        json.flush();
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
