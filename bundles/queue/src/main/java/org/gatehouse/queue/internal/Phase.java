package org.gatehouse.queue.internal;

/** Where a spooled message stands in the queue, in the words queue-list shows. */
public enum Phase {
    /** Committed, waiting for (or in) the pipeline stages. */
    WORK_QUEUE("work queue"),
    /** A stage failed for now; the work queue tries the stages again later. */
    RETRY("stage retry"),
    /** Passed the stages; waiting for (or in) delivery. */
    DELIVERY("delivery"),
    /** Held by a quarantine verdict or a stage error; waits for the admin. */
    HELD("held");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
