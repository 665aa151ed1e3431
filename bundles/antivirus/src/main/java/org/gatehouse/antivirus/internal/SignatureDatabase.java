package org.gatehouse.antivirus.internal;

import java.time.Instant;
import java.util.List;

/**
 * One loaded set of signatures, never changed once built: scans in progress keep the one they
 * started with while an update swaps in the next.
 *
 * @param sources  the files it was read from, with their signature counts
 * @param loadedAt when it was built
 * @param skipped  signatures left out because they use features this engine lacks
 */
public record SignatureDatabase(List<SourceFile> sources, Instant loadedAt, int skipped, HashSignatures hashes,
        BodyMatcher bodies) {

    /** A file that went into the database and how many signatures it gave. */
    public record SourceFile(String name, int signatures) {
    }

    public SignatureDatabase {
        sources = List.copyOf(sources);
    }

    public int signatureCount() {
        return hashes.size() + bodies.size();
    }

    /** The name of the first signature found in the object, or null. */
    String match(byte[] data, int length) {
        String name = hashes.match(data, length);
        return name != null ? name : bodies.firstMatch(data, length);
    }
}
