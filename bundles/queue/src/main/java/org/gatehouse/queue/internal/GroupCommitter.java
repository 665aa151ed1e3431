package org.gatehouse.queue.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes committed messages durable in groups, so fifty sessions saying DATA at once cost a
 * handful of directory fsyncs rather than fifty. A small pool forces each file's content in
 * parallel (the file system folds concurrent forces into one journal commit) and renames it
 * from incoming/ to active/; one syncer thread then forces the active/ directory once for
 * every file renamed since its last force, and only then completes their futures. Nothing of
 * this runs on the caller's thread: the listener's IoProcessor threads never wait on a disk.
 */
final class GroupCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private record Commit(FileChannel channel, Path from, Path to, Runnable onDurable,
                          CompletableFuture<Void> done) {
    }

    private final SpoolDirectory spool;
    private final ExecutorService forcers;
    private final Thread syncer;
    private final Object lock = new Object();
    private List<Commit> renamed = new ArrayList<>();
    private int inFlight;
    private boolean closing;

    GroupCommitter(SpoolDirectory spool, int forceThreads) {
        this.spool = spool;
        AtomicInteger n = new AtomicInteger();
        this.forcers = Executors.newFixedThreadPool(forceThreads, r -> {
            Thread t = new Thread(r, "gatehouse-spool-force-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.syncer = new Thread(this::syncLoop, "gatehouse-spool-sync");
        this.syncer.setDaemon(true);
        this.syncer.start();
    }

    /**
     * Forces {@code channel}, closes it, renames {@code from} to {@code to}, forces the
     * directory, runs {@code onDurable} and completes. On failure the file is deleted and the
     * stage completes exceptionally.
     */
    CompletableFuture<Void> commit(FileChannel channel, Path from, Path to, Runnable onDurable) {
        Commit c = new Commit(channel, from, to, onDurable, new CompletableFuture<>());
        synchronized (lock) {
            if (closing) {
                discard(c, new IOException("the spool is shutting down"));
                return c.done;
            }
            inFlight++;
        }
        try {
            forcers.execute(() -> force(c));
        } catch (RejectedExecutionException e) {
            finished(1);
            discard(c, new IOException("the spool is shutting down", e));
        }
        return c.done;
    }

    private void force(Commit c) {
        try {
            if (spool.fsync()) {
                c.channel.force(false);
            }
            c.channel.close();
            SpoolDirectory.move(c.from, c.to);
        } catch (IOException | RuntimeException e) {
            finished(1);
            discard(c, e);
            return;
        }
        synchronized (lock) {
            renamed.add(c);
            lock.notifyAll();
        }
    }

    private void syncLoop() {
        while (true) {
            List<Commit> batch;
            synchronized (lock) {
                while (renamed.isEmpty() && !(closing && inFlight == 0)) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failAll(renamed, new IOException("spool syncer interrupted"));
                        return;
                    }
                }
                if (renamed.isEmpty()) {
                    return;
                }
                batch = renamed;
                renamed = new ArrayList<>();
            }
            syncBatch(batch);
            finished(batch.size());
        }
    }

    private void syncBatch(List<Commit> batch) {
        try {
            spool.syncDirectory(spool.active());
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not force the spool directory {}; failing {} commits", spool.active(), batch.size(), e);
            for (Commit c : batch) {
                deleteQuietly(c.to);
            }
            failAll(batch, e);
            return;
        }
        for (Commit c : batch) {
            try {
                c.onDurable.run();
            } catch (RuntimeException e) {
                // The message is safe on disk; the next start recovers it. Say so, and still ack.
                LOG.error("Message {} is on disk but could not be queued; it is recovered at next start", c.to, e);
            }
            c.done.complete(null);
        }
    }

    private void finished(int count) {
        synchronized (lock) {
            inFlight -= count;
            lock.notifyAll();
        }
    }

    private static void failAll(List<Commit> batch, Throwable e) {
        for (Commit c : batch) {
            c.done.completeExceptionally(e);
        }
    }

    private static void discard(Commit c, Throwable e) {
        try {
            c.channel.close();
        } catch (IOException closeFailure) {
            e.addSuppressed(closeFailure);
        }
        deleteQuietly(c.from);
        c.done.completeExceptionally(e);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}; recovery removes it at next start", file, e);
        }
    }

    /** Lets commits in flight finish (bounded), then stops. New commits fail from now on. */
    void close(long timeoutMillis) throws InterruptedException {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        forcers.shutdown();
        forcers.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        syncer.join(timeoutMillis);
    }
}
