package org.gatehouse.queue.internal;

import java.time.Instant;
import java.util.Map;

/**
 * The queue at a glance (gatehouse:queue-status).
 *
 * @param byPhase        message counts per phase
 * @param oldest         when the oldest message in the spool was received, or null when empty
 * @param bytes          total size of the spooled messages
 * @param workBacklog    messages waiting for a worker
 * @param stages         stages currently registered, in order
 * @param deliveryBound  whether a delivery queue is there to take messages
 */
public record QueueStatus(Map<Phase, Integer> byPhase, Instant oldest, long bytes, int workBacklog,
                          java.util.List<String> stages, boolean deliveryBound) {
}
