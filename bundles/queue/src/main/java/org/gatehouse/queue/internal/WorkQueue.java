package org.gatehouse.queue.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed pool of workers that take committed messages in the order they came and run the
 * pipeline over each, one message at a time per worker; plus a timer that puts messages whose
 * stage failed for now back in line after their backoff.
 */
final class WorkQueue {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

    /** What a worker does with one message. */
    interface Processor {
        void process(SpooledMessage message) throws InterruptedException;
    }

    private final Processor processor;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final Map<Long, ScheduledFuture<?>> retries = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    WorkQueue(int workerCount, Processor processor) {
        this.processor = processor;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "gatehouse-work-queue-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "gatehouse-work-queue-retry"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void submit(SpooledMessage message) {
        if (stopping) {
            return; // stays on disk; the next activation recovers it
        }
        try {
            workers.execute(() -> run(message));
        } catch (RejectedExecutionException e) {
            // stopping raced with us: the message is on disk and the next activation recovers it
            LOG.debug("MID {} not queued: the work queue is stopping", message.mid());
        }
    }

    private void run(SpooledMessage message) {
        if (stopping || message.removed()) {
            return;
        }
        try {
            processor.process(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Work queue failed on MID {}; it stays in the spool", message.mid(), e);
        }
    }

    void retryLater(SpooledMessage message, Duration delay) {
        if (stopping) {
            return;
        }
        try {
            retries.put(message.mid(), timer.schedule(() -> {
                retries.remove(message.mid());
                message.backToWorkQueue();
                submit(message);
            }, delay.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("MID {} not scheduled for a retry: the work queue is stopping", message.mid());
        }
    }

    /** Runs a message waiting for a stage retry now; false when it was not waiting. */
    boolean runNow(SpooledMessage message) {
        ScheduledFuture<?> pending = retries.remove(message.mid());
        if (pending == null || !pending.cancel(false)) {
            return false;
        }
        message.backToWorkQueue();
        submit(message);
        return true;
    }

    void forget(long mid) {
        ScheduledFuture<?> pending = retries.remove(mid);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Messages waiting for a worker. */
    int backlog() {
        return workers.getQueue().size();
    }

    /** Stops taking work; stage runs in flight may finish within {@code graceMillis}. */
    void close(long graceMillis) throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
            LOG.warn("Stage runs still busy after {} ms; interrupting them (their messages stay in the spool)",
                    graceMillis);
            workers.shutdownNow();
        }
    }
}
