package org.gatehouse.queue.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The queue's settings: those the admin sets in {@code org.gatehouse.queue} and the fixed ones
 * tests shorten.
 *
 * @param stageGraceMillis how long messages wait for a stage that went away to come back
 * @param retryInitial     first backoff after a stage failed for now; doubles up to retryMax
 * @param forceThreads     threads forcing message files in parallel for group commit
 * @param midBlock         MIDs reserved on disk at a time
 * @param drainMillis      how long deactivation lets stage runs and commits in flight finish
 */
record QueueSettings(Path directory, int workers, boolean fsync, long stageGraceMillis, Duration retryInitial,
                     Duration retryMax, int forceThreads, long midBlock, long drainMillis) {

    static QueueSettings defaults(Path directory) {
        return new QueueSettings(directory, 2, true, 120_000, Duration.ofSeconds(60), Duration.ofMinutes(30), 8,
                10_000, 10_000);
    }

    static QueueSettings from(QueueConfig config) {
        String dir = config.spool_directory();
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("karaf.data", "data") + "/spool";
        }
        QueueSettings fixed = defaults(Path.of(dir));
        return new QueueSettings(fixed.directory, Math.max(1, config.workers()), config.fsync(),
                Math.max(0, config.stage_grace_seconds()) * 1000L, fixed.retryInitial, fixed.retryMax,
                fixed.forceThreads, fixed.midBlock, fixed.drainMillis);
    }

    QueueSettings withWorkers(int n) {
        return new QueueSettings(directory, n, fsync, stageGraceMillis, retryInitial, retryMax, forceThreads, midBlock,
                drainMillis);
    }

    QueueSettings withStageGrace(long millis) {
        return new QueueSettings(directory, workers, fsync, millis, retryInitial, retryMax, forceThreads, midBlock,
                drainMillis);
    }

    QueueSettings withRetry(Duration initial, Duration max) {
        return new QueueSettings(directory, workers, fsync, stageGraceMillis, initial, max, forceThreads, midBlock,
                drainMillis);
    }

    QueueSettings withMidBlock(long block) {
        return new QueueSettings(directory, workers, fsync, stageGraceMillis, retryInitial, retryMax, forceThreads,
                block, drainMillis);
    }

    QueueSettings withDrain(long millis) {
        return new QueueSettings(directory, workers, fsync, stageGraceMillis, retryInitial, retryMax, forceThreads,
                midBlock, millis);
    }

    /** Backoff before stage attempt {@code attempt + 1}: doubling from retryInitial, capped at retryMax. */
    Duration backoff(int attempt) {
        Duration d = retryInitial;
        for (int i = 1; i < attempt && d.compareTo(retryMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
