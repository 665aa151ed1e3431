package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Command-line scanner (no OSGi), for admins and bench/:
 * {@code java -cp <bundle jar>:<libraries> org.gatehouse.antivirus.internal.ScanTool [--db FILE|DIR]...
 * [--no-builtin] [--quiet] [--warmup] [--threads N] FILE|DIR...}. Prints one line per file ({@code path: verdict [signature]}),
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
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> databases.add(Path.of(args[++i]));
                case "--no-builtin" -> builtin = false;
                case "--quiet" -> quiet = true;
                case "--warmup" -> warmup = true;
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> targets.add(Path.of(args[i]));
            }
        }
        if (targets.isEmpty()) {
            err.println("usage: ScanTool [--db FILE|DIR]... [--no-builtin] [--quiet] [--warmup] [--threads N] FILE|DIR...");
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
        List<Path> all = files(targets);
        if (warmup) {
            // One untimed pass, so the figures are of compiled code, as in a long-running gateway.
            scanAll(scanner, all, threads);
        }
        long t1 = System.nanoTime();
        List<ScanResult> results = scanAll(scanner, all, threads);
        double seconds = (System.nanoTime() - t1) / 1e9;
        long bytes = 0;
        int files = 0;
        int infected = 0;
        for (int k = 0; k < all.size(); k++) {
            Path file = all.get(k);
            ScanResult r = results.get(k);
            bytes += Files.size(file);
            files++;
            if (r.verdict() == ScanVerdict.INFECTED) {
                infected++;
            }
            if (!quiet || r.verdict() != ScanVerdict.CLEAN) {
                out.println(file + ": " + r.describe());
            }
        }
        out.printf("signatures=%d load_s=%.2f files=%d infected=%d bytes=%d threads=%d scan_s=%.3f MB_per_s=%.1f files_per_s=%.1f%n",
                db.signatureCount(), loadSeconds, files, infected, bytes, threads, seconds,
                bytes / 1e6 / seconds, files / seconds);
        return infected > 0 ? 1 : 0;
    }

    /**
     * Scans the files on {@code threads} threads (as a gateway scans messages side by side), each
     * file read into memory by its scan; the results come back in the files' order.
     */
    private static List<ScanResult> scanAll(ContentScanner scanner, List<Path> files, int threads) throws IOException {
        ScanResult[] results = new ScanResult[files.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Void>> work = new ArrayList<>();
            for (int t = 0; t < Math.max(1, threads); t++) {
                work.add(pool.submit(() -> {
                    for (int k; (k = next.getAndIncrement()) < results.length; ) {
                        Path file = files.get(k);
                        try (InputStream in = Files.newInputStream(file)) {
                            results[k] = scanner.scan(file.getFileName().toString(), in);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(results);
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
