package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the signature folder changed (files added, removed, rewritten) and reloads the
 * store. Polled rather than inotify-driven: it works the same on every file system, and an
 * update tool that writes a file in several steps is seen once it is done.
 */
final class FolderWatch implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final SignatureStore store;
    private String seen;

    FolderWatch(SignatureStore store) {
        this.store = store;
        this.seen = fingerprint();
    }

    @Override
    public void run() {
        String now = fingerprint();
        if (Objects.equals(now, seen)) {
            return;
        }
        seen = now;
        try {
            store.reload();
        } catch (IOException | SignatureFormatException e) {
            LOG.error("Signature folder changed but did not load, the previous signatures stay in use: {}", e.getMessage());
        }
    }

    /** Names, sizes and modification times of the signature files. */
    private String fingerprint() {
        Path folder = store.folder();
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try {
            StringBuilder s = new StringBuilder();
            List<Path> files = SignatureLoader.signatureFiles(folder);
            for (Path f : files) {
                s.append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
            return s.toString();
        } catch (IOException e) {
            LOG.warn("Cannot list the signature folder {}: {}", folder, e.getMessage());
            return seen;
        }
    }
}
