package org.gatehouse.queue.internal;

import java.time.Instant;
import java.util.List;

import org.gatehouse.api.Recipient;
import org.gatehouse.api.RecipientStatus;

/**
 * One recipient's delivery progress.
 *
 * @param lastReply   the last reply from the next hop (the temporary error while pending), or null
 * @param nextAttempt when delivery should try again, or null for "as soon as possible"
 */
public record RecipientProgress(Recipient recipient, RecipientOutcome outcome, int attempts, String lastReply,
                                Instant nextAttempt) {

    static RecipientProgress fresh(Recipient recipient) {
        return new RecipientProgress(recipient, RecipientOutcome.PENDING, 0, null, null);
    }

    /** Every recipient of an envelope, none tried yet. */
    static List<RecipientProgress> allFresh(List<Recipient> recipients) {
        return recipients.stream().map(RecipientProgress::fresh).toList();
    }

    RecipientProgress done(RecipientOutcome how, String reply) {
        return new RecipientProgress(recipient, how, attempts + 1, reply, null);
    }

    RecipientProgress deferred(String reply, Instant next) {
        return new RecipientProgress(recipient, RecipientOutcome.PENDING, attempts + 1, reply, next);
    }

    RecipientStatus status(Instant now) {
        return new RecipientStatus(recipient, attempts, lastReply, nextAttempt == null ? now : nextAttempt);
    }
}
