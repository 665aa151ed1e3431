package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The bundle's scanning service, for the stage and the console commands: scan with the
 * configured engine, show the signatures in use, install new ones.
 */
public interface Antivirus {

    /** Scans with the configured engine; throws when that engine cannot answer. */
    ScanResult scan(String name, InputStream content) throws IOException;

    /** The configured engine's name. */
    String engineName();

    /**
     * The engine of that name ({@code embedded} or {@code clamd}), or the configured one for
     * null or blank: a mail flow policy may pick its own.
     *
     * @throws IllegalArgumentException no such engine here (clamd without a {@code clamd.address})
     */
    VirusEngine engine(String name);

    /** The engines that can scan, the configured one first. */
    List<String> engines();

    /** The actions and notification settings in force, key to value in the order of the config file, for the console. */
    Map<String, String> settings();

    /** What the engine uses now: signatures in the embedded database, clamd's version line. */
    Status status();

    /** Checks, copies into the signature folder and swaps in the given file or folder's files. */
    SignatureDatabase update(Path source) throws IOException, SignatureFormatException;

    /**
     * @param engine    the configured engine
     * @param database  the embedded database (also loaded when clamd scans, for the console)
     * @param folder    the watched signature folder
     * @param lastError why the last load failed, or empty
     * @param clamd     clamd's version line, or why it did not answer; empty for the embedded engine
     */
    record Status(String engine, SignatureDatabase database, Path folder, String lastError, String clamd) {
    }
}
