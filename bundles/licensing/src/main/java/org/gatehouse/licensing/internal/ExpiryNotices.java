package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Which expiry warnings (e.g. 30, 15 and 5 days before) and expiry notices are due, each sent
 * once per feature and expiry. What was sent is kept on disk so a restart does not repeat it;
 * after a long downtime only the most urgent warning due is sent, not every one missed.
 */
final class ExpiryNotices {

    static final String FILE = "notices.properties";
    /** Recorded for a feature once its expiry itself was announced. */
    private static final int EXPIRED = 0;

    /** One notice to send: {@code daysBefore} is 0 for "has expired". */
    record Notice(FeatureStatus status, int daysBefore) {
        boolean expired() {
            return daysBefore == EXPIRED;
        }
    }

    private final Path file;
    private final List<Integer> warningDays;

    ExpiryNotices(Path folder, Collection<Integer> warningDays) {
        this.file = folder.resolve(FILE);
        this.warningDays = warningDays.stream().filter(d -> d > 0).distinct().sorted().toList();
    }

    /** Notices due at {@code now}; they are recorded as sent before this returns. */
    List<Notice> due(Instant now, Collection<FeatureStatus> statuses) throws IOException {
        Properties sent = StoredFiles.readProperties(file);
        Properties kept = new Properties();
        List<Notice> due = new ArrayList<>();
        for (FeatureStatus s : statuses) {
            String name = s.feature() + "@" + s.expires();
            int last = lastSent(sent, name);
            int urgent = mostUrgentDue(now, s);
            if (urgent < last) {
                due.add(new Notice(s, urgent));
                last = urgent;
            }
            if (last != Integer.MAX_VALUE) {
                kept.setProperty(name, Integer.toString(last));
            }
        }
        // Entries for grants that are gone or replaced are dropped, so the file stays small.
        if (!kept.equals(sent)) {
            StoredFiles.writeProperties(file, kept, "Gatehouse feature key warnings already sent (feature@expiry=days before; 0 = expired)");
        }
        return due;
    }

    /** The next instant a warning or expiry falls due after {@code now}, if any. */
    Optional<Instant> next(Instant now, Collection<FeatureStatus> statuses) {
        Instant next = null;
        for (FeatureStatus s : statuses) {
            if (!s.valid()) {
                continue;
            }
            List<Instant> moments = new ArrayList<>();
            moments.add(s.expires());
            warningDays.forEach(d -> moments.add(s.expires().minus(Duration.ofDays(d))));
            for (Instant m : moments) {
                if (m.isAfter(now) && (next == null || m.isBefore(next))) {
                    next = m;
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /** 0 if expired, else the smallest warning threshold reached, else MAX_VALUE. */
    private int mostUrgentDue(Instant now, FeatureStatus s) {
        if (!now.isBefore(s.expires())) {
            return EXPIRED;
        }
        for (int days : warningDays) {
            if (!now.isBefore(s.expires().minus(Duration.ofDays(days)))) {
                return days;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int lastSent(Properties sent, String name) {
        String value = sent.getProperty(name);
        if (value == null) {
            return Integer.MAX_VALUE;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            // A hand-edited, unreadable entry: better to warn again than to stay silent.
            return Integer.MAX_VALUE;
        }
    }
}
