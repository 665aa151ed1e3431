package org.gatehouse.antivirus.internal;

import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * The embedded scanner: decodes and unpacks a message or file and matches every object against
 * the signature database in use when the scan starts. Thread-safe: each scan has its own state.
 */
public final class ContentScanner {

    private final Supplier<SignatureDatabase> database;
    private final ScanLimits limits;
    private final List<Unpacker> unpackers;

    public ContentScanner(Supplier<SignatureDatabase> database, ScanLimits limits) {
        this.database = database;
        this.limits = limits;
        // Order matters: binary containers by their magic first, text encodings last.
        this.unpackers = List.of(new ZipMembers(), new SevenZipMembers(limits), new CompressedContent(limits),
                new ArchiveMembers(), new CabinetNote(), new TnefAttachments(), new MimeParts(limits),
                new BinHexContent(), new UuencodedFiles());
    }

    /** Scans a message or file; {@code name} is how the result refers to the top object. */
    public ScanResult scan(String name, InputStream content) {
        return new ScanJob(database.get(), unpackers, new ScanBudget(limits, System.nanoTime())).run(name, content);
    }
}
