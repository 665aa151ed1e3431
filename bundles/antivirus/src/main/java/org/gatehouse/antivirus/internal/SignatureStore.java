package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signature database in use, swapped whole: a reload builds the next database aside and
 * replaces the reference only once it loaded without error, so scans never see half a database
 * and a broken file never takes the working one away.
 */
public final class SignatureStore {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureStore.class);

    private final Path folder;
    private final boolean builtin;
    private final Clock clock;
    private final AtomicReference<SignatureDatabase> current = new AtomicReference<>();
    private volatile String lastError = "";

    /** Loads the folder now; a folder that fails to load leaves the built-in signatures in use. */
    public SignatureStore(Path folder, boolean builtin, Clock clock) throws IOException, SignatureFormatException {
        this.folder = folder;
        this.builtin = builtin;
        this.clock = clock;
        try {
            current.set(SignatureLoader.load(existing(folder), builtin, clock));
        } catch (IOException | SignatureFormatException e) {
            lastError = e.getMessage();
            LOG.error("Signature folder {} not loaded, using the built-in signatures only: {}", folder, e.getMessage());
            current.set(SignatureLoader.load(List.of(), builtin, clock));
        }
    }

    public SignatureDatabase current() {
        return current.get();
    }

    public Path folder() {
        return folder;
    }

    /** The error of the last load that failed since the last one that worked, or empty. */
    public String lastError() {
        return lastError;
    }

    /** Reloads the folder; on error the database in use stays and the error is thrown. */
    public synchronized SignatureDatabase reload() throws IOException, SignatureFormatException {
        try {
            SignatureDatabase next = SignatureLoader.load(existing(folder), builtin, clock);
            current.set(next);
            lastError = "";
            LOG.info("Anti-virus signatures loaded: {} signatures from {} files", next.signatureCount(), next.sources().size());
            return next;
        } catch (IOException | SignatureFormatException e) {
            lastError = e.getMessage();
            throw e;
        }
    }

    /**
     * Checks the given files (or a folder's files) with the folder's, copies them into the
     * folder and swaps the database; nothing is copied when they fail to load.
     */
    public synchronized SignatureDatabase install(Path source) throws IOException, SignatureFormatException {
        List<Path> incoming = SignatureLoader.signatureFiles(source);
        List<Path> trial = new ArrayList<>();
        for (Path f : SignatureLoader.signatureFiles(folderOrEmpty())) {
            if (incoming.stream().noneMatch(i -> i.getFileName().equals(f.getFileName()))) {
                trial.add(f);
            }
        }
        trial.addAll(incoming);
        SignatureLoader.load(trial, builtin, clock);
        Files.createDirectories(folder);
        for (Path f : incoming) {
            Path target = folder.resolve(f.getFileName());
            if (!Files.isSameFile(f.toAbsolutePath().getParent(), folder) || !Files.exists(target)) {
                Path temp = folder.resolve("." + f.getFileName() + ".tmp");
                Files.copy(f, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return reload();
    }

    private Path folderOrEmpty() throws IOException {
        Files.createDirectories(folder);
        return folder;
    }

    private static List<Path> existing(Path folder) {
        return Files.isDirectory(folder) ? List.of(folder) : List.of();
    }
}
