package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;

/** Something that scans a message or file: the embedded scanner or a clamd. */
public interface VirusEngine {

    /** The engine's name for headers and the console: {@code embedded}, {@code clamd}. */
    String name();

    /**
     * Scans the content. Throws when the engine cannot answer (down, timed out): the message
     * must then wait, never pass unscanned.
     */
    ScanResult scan(String name, InputStream content) throws IOException;
}
