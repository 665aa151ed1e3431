package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model this site learns into, kept as {@code model.bin} in the model folder. Until the
 * site has learned anything it is the shipped starting model. Saved through a temporary file
 * and an atomic rename, so a crash never leaves half a model.
 */
final class SiteModel {

    static final String FILE = "model.bin";
    private static final Logger LOG = LoggerFactory.getLogger(SiteModel.class);

    private final Path file;

    SiteModel(Path folder) {
        this.file = folder.resolve(FILE);
    }

    Path file() {
        return file;
    }

    SpamModel load() throws IOException {
        if (!Files.exists(file)) {
            return ShippedModel.load();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return SpamModel.read(in, () -> {
                LOG.info("Anti-spam model {} is from before token weights: its counts are kept, its token weights"
                        + " start from the shipped model's, and it is saved in the current format at the next learning", file);
                return ShippedModel.load().weights();
            });
        } catch (IOException e) {
            throw new IOException("cannot read the anti-spam model " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void save(SpamModel model) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE + ".new");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            model.write(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
