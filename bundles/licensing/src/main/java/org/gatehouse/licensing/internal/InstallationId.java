package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This installation's identity, which the vendor binds keys to. Made once, at random, and kept
 * in a file beside the keys, so it survives restarts, upgrades and a wiped {@code data/}.
 */
final class InstallationId {

    static final String FILE = "installation.id";

    private InstallationId() {
    }

    static String loadOrCreate(Path folder, SecureRandom random) throws IOException {
        Path file = folder.resolve(FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!FeatureKey.INSTALLATION.matcher(id).matches()) {
                throw new IOException("installation id in " + file + " is damaged: " + id
                        + "; restore it from a backup (keys are bound to it)");
            }
            return id;
        }
        String id = newId(random);
        StoredFiles.writeAtomically(file, id + "\n");
        return id;
    }

    /** {@code GH-} and 80 random bits in five groups, easy to read over the phone. */
    static String newId(SecureRandom random) {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        String hex = HexFormat.of().withUpperCase().formatHex(bytes);
        StringBuilder id = new StringBuilder("GH");
        for (int i = 0; i < hex.length(); i += 4) {
            id.append('-').append(hex, i, i + 4);
        }
        return id.toString();
    }
}
