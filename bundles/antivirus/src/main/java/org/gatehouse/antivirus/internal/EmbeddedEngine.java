package org.gatehouse.antivirus.internal;

import java.io.InputStream;

/** The embedded scanner as an engine: it never throws, hostile input gets a verdict. */
final class EmbeddedEngine implements VirusEngine {

    private final ContentScanner scanner;

    EmbeddedEngine(ContentScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public ScanResult scan(String name, InputStream content) {
        return scanner.scan(name, content);
    }
}
