package org.gatehouse.queue.internal;

import java.time.Instant;

/**
 * Where a message stands after stages failed for now (on.error tempfail).
 *
 * @param attempts runs of the stages that failed so far
 * @param error    the last failure, with the stage's name
 * @param at       when the work queue tries again
 */
public record StageRetry(int attempts, String error, Instant at) {

    static final StageRetry NONE = new StageRetry(0, null, null);

    StageRetry failed(String why, Instant next) {
        return new StageRetry(attempts + 1, why, next);
    }
}
