package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The engine as the console commands use it: scanning and teaching need no licence (only
 * the stage is gated), so admins can try the engine on files before buying.
 */
public interface AntispamConsole {

    /** Which engine answers, for the console. */
    String engineName();

    /** Scans a file or every file under a folder, one JSON line per message, in order. */
    void scan(Path fileOrFolder, Consumer<String> lines) throws IOException, InterruptedException;

    /** Learns a file or every file under a folder, then saves the site model once. */
    LearnSummary learn(Path fileOrFolder, boolean spam) throws IOException;
}
