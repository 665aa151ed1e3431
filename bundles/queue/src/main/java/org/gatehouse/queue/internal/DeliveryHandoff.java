package org.gatehouse.queue.internal;

import java.util.Collection;
import java.util.function.Supplier;

import org.gatehouse.api.DeliveryQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands scanned messages to the delivery queue, which may come and go (bundle update). While
 * none is bound, messages wait in the spool; when one binds, it gets every message waiting for
 * delivery, each exactly once, with its recipients' retry state.
 */
final class DeliveryHandoff {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHandoff.class);

    private final Supplier<Collection<SpooledMessage>> messages;
    private volatile DeliveryQueue current;

    DeliveryHandoff(Supplier<Collection<SpooledMessage>> messages) {
        this.messages = messages;
    }

    void bind(DeliveryQueue queue) {
        current = queue;
        offerAll();
    }

    void unbind(DeliveryQueue queue) {
        if (current == queue) {
            current = null;
        }
        for (SpooledMessage m : messages.get()) {
            m.forgetHandoff(queue);
        }
    }

    boolean bound() {
        return current != null;
    }

    void offerAll() {
        DeliveryQueue queue = current;
        if (queue != null) {
            for (SpooledMessage m : messages.get()) {
                offer(m, queue);
            }
        }
    }

    void offer(SpooledMessage message) {
        DeliveryQueue queue = current;
        if (queue != null) {
            offer(message, queue);
        }
    }

    private static void offer(SpooledMessage message, DeliveryQueue queue) {
        if (message.handTo(queue)) {
            try {
                queue.enqueue(message);
            } catch (RuntimeException e) {
                message.forgetHandoff(queue);
                LOG.warn("Delivery queue refused MID {}; it waits for the next delivery queue", message.mid(), e);
            }
        }
    }

    boolean deliverNow(long mid) {
        DeliveryQueue queue = current;
        return queue != null && queue.deliverNow(mid);
    }

    void remove(long mid) {
        DeliveryQueue queue = current;
        if (queue != null) {
            queue.remove(mid);
        }
    }
}
