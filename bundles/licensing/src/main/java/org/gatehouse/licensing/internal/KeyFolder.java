package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installed keys on disk: one {@code <key id>.key} file each, in canonical text form, so they
 * survive restarts and an admin can back them up or copy them like any {@code etc/} file.
 */
final class KeyFolder {

    static final String SUFFIX = ".key";

    private final Path folder;

    KeyFolder(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** File name to text, in name order. */
    Map<String, String> readAll() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return texts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path file : sorted) {
                if (Files.size(file) > FeatureKeyFormat.MAX_TEXT) {
                    texts.put(file.getFileName().toString(), "");
                } else {
                    texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return texts;
    }

    void save(FeatureKey key, String text) throws IOException {
        StoredFiles.writeAtomically(fileOf(key.keyId()), text);
    }

    void delete(String keyId) throws IOException {
        Files.deleteIfExists(fileOf(keyId));
    }

    private Path fileOf(String keyId) {
        // Key ids are checked against FeatureKey.KEY_ID, so they cannot leave the folder.
        if (!FeatureKey.KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("invalid key id " + keyId);
        }
        return folder.resolve(keyId + SUFFIX);
    }
}
