package org.gatehouse.queue.internal;

/** A recipient's fate so far. */
public enum RecipientOutcome {
    PENDING, DELIVERED, BOUNCED
}
