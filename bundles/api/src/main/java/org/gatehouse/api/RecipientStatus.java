package org.gatehouse.api;

import java.time.Instant;

/**
 * Where one recipient of a queued message stands.
 *
 * @param recipient   the recipient
 * @param attempts    delivery attempts made so far
 * @param lastError   the last temporary failure (reply text), or null
 * @param nextAttempt when the next attempt is due
 */
public record RecipientStatus(Recipient recipient, int attempts, String lastError, Instant nextAttempt) {
}
