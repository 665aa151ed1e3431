package org.gatehouse.reputation.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local history on disk, so a restart, a bundle update or a configuration change does not
 * make every host a stranger again. One line per host, oldest first:
 * {@code address clean spam virus last-seen-epoch-millis}. Written to a temporary file and
 * moved into place, so a crash leaves the previous copy whole.
 */
final class HistoryFile {

    private final Path file;

    HistoryFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The saved hosts, oldest first; empty when there is no file yet. Bad lines are skipped. */
    Map<String, HostHistory> load() throws IOException {
        Map<String, HostHistory> hosts = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return hosts;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            if (f.length != 5 || line.startsWith("#")) {
                continue;
            }
            try {
                hosts.put(IpAddresses.literal(f[0]).getHostAddress(), new HostHistory(Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), Instant.ofEpochMilli(Long.parseLong(f[4]))));
            } catch (IllegalArgumentException e) {
                // A line damaged by hand editing costs that host its history, not everyone's.
                continue;
            }
        }
        return hosts;
    }

    void save(Map<String, HostHistory> hosts) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII)) {
            out.write("# Gatehouse sender history: address clean spam virus last-seen-millis (decayed counts)\n");
            for (Map.Entry<String, HostHistory> e : hosts.entrySet()) {
                HostHistory h = e.getValue();
                out.write(String.format(Locale.ROOT, "%s %.4f %.4f %.4f %d%n", e.getKey(), h.clean(), h.spam(), h.virus(),
                        h.lastSeen().toEpochMilli()));
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
