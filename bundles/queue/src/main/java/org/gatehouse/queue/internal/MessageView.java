package org.gatehouse.queue.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;

/**
 * A message as the admin sees it in queue-list and queue-show.
 *
 * @param attempts    delivery attempts (most of any pending recipient), or stage attempts while retrying
 * @param lastError   the last temporary error, or the hold reason
 * @param nextAttempt the next retry (stages or delivery), or null
 */
public record MessageView(long mid, Envelope envelope, Connection connection, Instant received, long size,
                          Phase phase, int attempts, String lastError, Instant nextAttempt,
                          List<RecipientProgress> recipients, List<AddedHeader> headers,
                          Map<String, String> annotations) {

    static MessageView of(SpooledMessage m) {
        List<RecipientProgress> recipients = m.recipients();
        Phase phase = m.phase();
        int attempts = 0;
        String lastError = null;
        Instant next = null;
        for (RecipientProgress r : recipients) {
            if (r.outcome() == RecipientOutcome.PENDING) {
                if (r.attempts() >= attempts) {
                    attempts = r.attempts();
                    lastError = r.lastReply() == null ? lastError : r.lastReply();
                }
                if (r.nextAttempt() != null && (next == null || r.nextAttempt().isBefore(next))) {
                    next = r.nextAttempt();
                }
            }
        }
        StageRetry retry = m.stageRetry();
        if (phase == Phase.RETRY || phase == Phase.WORK_QUEUE && retry.attempts() > 0) {
            attempts = retry.attempts();
            lastError = retry.error();
            next = retry.at();
        } else if (phase == Phase.HELD) {
            lastError = m.holdReason();
        }
        return new MessageView(m.mid(), m.envelope(), m.connection(), m.received(), m.size(), phase, attempts,
                lastError, next, recipients, m.addedHeaders(), m.annotations());
    }
}
