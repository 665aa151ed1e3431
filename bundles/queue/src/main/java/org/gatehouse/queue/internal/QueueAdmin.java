package org.gatehouse.queue.internal;

import java.util.List;
import java.util.Optional;

/**
 * What the console commands ask of the queue. Registered as a service by
 * {@link QueueComponent}; private to this bundle.
 */
public interface QueueAdmin {

    /** Every message in the spool, oldest MID first. */
    List<MessageView> list();

    Optional<MessageView> show(long mid);

    /**
     * Moves the message on now: stage retry runs now, delivery tries now, a held message is
     * released to delivery. False when there is no such message or nothing could be done.
     */
    boolean deliverNow(long mid);

    /** {@link #deliverNow} for every message; returns how many moved. */
    int deliverAllNow();

    /** Removes the message from the spool and from the delivery queue. */
    boolean delete(long mid);

    QueueStatus status();

    /** Every stage registered or known, in order: licensed, active or waiting, and who waits. */
    List<StageView> pipeline();

    /**
     * The admin removed a stage on purpose: messages stop waiting for it. False when it is
     * running (disable it instead) or unknown.
     */
    boolean forgetStage(String name);
}
