package org.gatehouse.api;

import java.util.Collection;
import java.util.List;

/**
 * A message that has passed the pipeline and waits for delivery. Delivery reports every
 * recipient's fate back here; the message leaves the spool once every recipient was delivered
 * or bounced, and what is reported is durable when the method returns.
 */
public interface QueuedMessage extends MailMessage {

    /** Recipients not yet delivered or bounced, with their retry state. */
    List<RecipientStatus> pending();

    /** The next hop took these recipients (250). */
    void delivered(Collection<Integer> rids, String reply);

    /** These recipients failed for good; the DSN to the sender has been queued already. */
    void bounced(Collection<Integer> rids, String reply);

    /** These recipients failed for now; try again at {@code next}. */
    void deferred(Collection<Integer> rids, String reply, java.time.Instant next);
}
