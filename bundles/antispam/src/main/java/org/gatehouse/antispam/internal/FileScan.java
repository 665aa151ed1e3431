package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Scans message files with an engine and hands one JSON line per file, in file order, to a
 * consumer; used by the console command and by {@link ScanMain}. A file that cannot be read
 * gets an error line and the scan goes on.
 */
final class FileScan {

    private final SpamEngine engine;
    private final Thresholds thresholds;

    FileScan(SpamEngine engine, Thresholds thresholds) {
        this.engine = engine;
        this.thresholds = thresholds;
    }

    String scan(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SpamScore score = engine.check(in, MessageFacts.none());
            return ScanLine.of(file.toString(), score, thresholds.verdict(score.score()));
        } catch (IOException | RuntimeException e) {
            return ScanLine.error(file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Scans with {@code threads} workers; lines still come out in the order of {@code files}. */
    void scanAll(List<Path> files, int threads, Consumer<String> out) throws InterruptedException {
        if (threads <= 1) {
            files.forEach(f -> out.accept(scan(f)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int window = threads * 64;
            for (int start = 0; start < files.size(); start += window) {
                List<Future<String>> lines = new ArrayList<>();
                for (Path file : files.subList(start, Math.min(files.size(), start + window))) {
                    lines.add(pool.submit(() -> scan(file)));
                }
                for (Future<String> line : lines) {
                    out.accept(line.get());
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
