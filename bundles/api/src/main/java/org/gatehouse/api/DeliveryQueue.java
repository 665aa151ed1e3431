package org.gatehouse.api;

/**
 * Takes messages that passed the pipeline and delivers them (implemented by the delivery
 * bundle). While no delivery queue is registered, messages wait in the spool; when one appears
 * (again, after an update) the spool hands it every pending message.
 */
public interface DeliveryQueue {

    /** Takes a message for delivery of its pending recipients when they are due. Does not block. */
    void enqueue(QueuedMessage message);

    /** Tries the message's pending recipients now rather than at their retry time. */
    boolean deliverNow(long mid);

    /** Forgets the message (the admin deleted it). */
    void remove(long mid);
}
