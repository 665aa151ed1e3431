package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * The one evaluation period a new installation gets. Its record is written when it starts and
 * never removed, so neither a restart nor reinstalling the bundle starts a new one.
 */
final class Evaluation {

    static final String FILE = "evaluation.properties";

    private final Path file;

    Evaluation(Path folder) {
        this.file = folder.resolve(FILE);
    }

    /** When the evaluation ends (or ended), if one was ever started here. */
    Optional<Instant> expires() throws IOException {
        String value = StoredFiles.readProperties(file).getProperty("expires");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new IOException("evaluation record " + file + " is damaged: expires=" + value, e);
        }
    }

    /** Records an evaluation starting now; callers make sure none was recorded before. */
    Instant start(Instant now, int days) throws IOException {
        Instant expires = now.plus(Duration.ofDays(days));
        Properties p = new Properties();
        p.setProperty("started", now.toString());
        p.setProperty("expires", expires.toString());
        StoredFiles.writeProperties(file, p,
                "Gatehouse evaluation period, recorded once when this installation first started.");
        return expires;
    }
}
