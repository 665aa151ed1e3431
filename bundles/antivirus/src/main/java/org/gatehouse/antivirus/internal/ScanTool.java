package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command-line scanner (no OSGi), for admins and bench/:
 * {@code java -cp <bundle jar>:<libraries> org.gatehouse.antivirus.internal.ScanTool [--db FILE|DIR]...
 * [--no-builtin] [--quiet] [--warmup] FILE|DIR...}. Prints one line per file ({@code path: verdict [signature]}),
 * then a summary with MB/s and files/s. Exit status like clamscan: 0 clean, 1 infected found, 2 error.
 */
public final class ScanTool {

    private ScanTool() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        List<Path> databases = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        boolean builtin = true;
        boolean quiet = false;
        boolean warmup = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> databases.add(Path.of(args[++i]));
                case "--no-builtin" -> builtin = false;
                case "--quiet" -> quiet = true;
                case "--warmup" -> warmup = true;
                default -> targets.add(Path.of(args[i]));
            }
        }
        if (targets.isEmpty()) {
            err.println("usage: ScanTool [--db FILE|DIR]... [--no-builtin] [--quiet] [--warmup] FILE|DIR...");
            return 2;
        }
        long t0 = System.nanoTime();
        SignatureDatabase db;
        try {
            db = SignatureLoader.load(databases, builtin, Clock.systemUTC());
        } catch (SignatureFormatException e) {
            err.println("signatures not loaded: " + e.getMessage());
            return 2;
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        ContentScanner scanner = new ContentScanner(() -> db, ScanLimits.defaults());
        if (warmup) {
            // One untimed pass, so the figures are of compiled code, as in a long-running gateway.
            for (Path file : files(targets)) {
                try (InputStream in = Files.newInputStream(file)) {
                    scanner.scan(file.getFileName().toString(), in);
                }
            }
        }
        long t1 = System.nanoTime();
        long bytes = 0;
        int files = 0;
        int infected = 0;
        for (Path file : files(targets)) {
            bytes += Files.size(file);
            files++;
            ScanResult r;
            try (InputStream in = Files.newInputStream(file)) {
                r = scanner.scan(file.getFileName().toString(), in);
            }
            if (r.verdict() == ScanVerdict.INFECTED) {
                infected++;
            }
            if (!quiet || r.verdict() != ScanVerdict.CLEAN) {
                out.println(file + ": " + r.describe());
            }
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        out.printf("signatures=%d load_s=%.2f files=%d infected=%d bytes=%d scan_s=%.3f MB_per_s=%.1f files_per_s=%.1f%n",
                db.signatureCount(), loadSeconds, files, infected, bytes, seconds,
                bytes / 1e6 / seconds, files / seconds);
        return infected > 0 ? 1 : 0;
    }

    private static List<Path> files(List<Path> targets) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path t : targets) {
            if (Files.isDirectory(t)) {
                try (Stream<Path> walk = Files.walk(t)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(all::add);
                }
            } else {
                all.add(t);
            }
        }
        return all;
    }
}
