package org.gatehouse.queue.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages this installation has run, kept beside the spool ({@code stages.properties}), so
 * that after a restart messages wait for them instead of racing past before their bundles are up.
 */
final class KnownStages {

    private static final Logger LOG = LoggerFactory.getLogger(KnownStages.class);

    /** What the core remembers of a stage: enough to know whether to wait for it. */
    record Known(String name, String feature, boolean enabled, int order) {
    }

    private final Path file;
    private final Map<String, Known> known = new TreeMap<>();

    KnownStages(Path file) {
        this.file = file;
        if (Files.isReadable(file)) {
            load();
        }
    }

    private void load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Cannot read {}; known stages start empty", file, e);
            return;
        }
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".order")) {
                String name = key.substring(0, key.length() - ".order".length());
                String feature = p.getProperty(name + ".feature", "");
                known.put(name, new Known(name, feature.isEmpty() ? null : feature,
                        !"false".equals(p.getProperty(name + ".enabled")), parseOrder(p.getProperty(key))));
            }
        }
    }

    private static int parseOrder(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    Known get(String name) {
        return known.get(name);
    }

    Collection<Known> all() {
        return List.copyOf(known.values());
    }

    /** Records the stage as it is now; writes the file only when something changed. */
    void remember(Known stage) {
        if (!stage.equals(known.put(stage.name(), stage))) {
            save();
        }
    }

    boolean forget(String name) {
        if (known.remove(name) != null) {
            save();
            return true;
        }
        return false;
    }

    private void save() {
        Properties p = new Properties();
        for (Known k : known.values()) {
            p.setProperty(k.name() + ".order", Integer.toString(k.order()));
            p.setProperty(k.name() + ".feature", k.feature() == null ? "" : k.feature());
            p.setProperty(k.name() + ".enabled", Boolean.toString(k.enabled()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".new");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Stages this installation runs; messages wait for those licensed and enabled");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only the wait for stages right after a restart depends on this file.
            LOG.warn("Cannot write {}", file, e);
        }
    }
}
