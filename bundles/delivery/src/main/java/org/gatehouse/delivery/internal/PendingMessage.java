package org.gatehouse.delivery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.RecipientStatus;

/**
 * What the delivery queue knows about one message: its recipients still to deliver, with their
 * retry state, which of them are being delivered right now, and the timer for the next retry.
 * Guarded by its own monitor.
 */
final class PendingMessage {

    /** One recipient still to deliver. */
    static final class RecipientState {
        final Recipient recipient;
        int attempts;
        String lastError;
        Instant nextAttempt;
        boolean inFlight;

        RecipientState(RecipientStatus status) {
            recipient = status.recipient();
            attempts = status.attempts();
            lastError = status.lastError();
            nextAttempt = status.nextAttempt();
        }
    }

    private volatile QueuedMessage message;
    private final Map<Integer, RecipientState> recipients = new LinkedHashMap<>();
    private ScheduledFuture<?> timer;
    private boolean removed;

    PendingMessage(QueuedMessage message) {
        this.message = message;
        for (RecipientStatus status : message.pending()) {
            recipients.put(status.recipient().rid(), new RecipientState(status));
        }
    }

    QueuedMessage message() {
        return message;
    }

    long mid() {
        return message.mid();
    }

    /** The spool handed the message in again: take its state, except for what is in flight. */
    synchronized void refresh(QueuedMessage again) {
        message = again;
        Map<Integer, RecipientState> fresh = new LinkedHashMap<>();
        for (RecipientStatus status : again.pending()) {
            RecipientState old = recipients.get(status.recipient().rid());
            fresh.put(status.recipient().rid(),
                    old != null && old.inFlight ? old : new RecipientState(status));
        }
        recipients.values().stream().filter(s -> s.inFlight)
                .forEach(s -> fresh.putIfAbsent(s.recipient.rid(), s));
        recipients.clear();
        recipients.putAll(fresh);
    }

    /** Takes the recipients due at {@code now} and not in flight, marking them in flight. */
    synchronized List<Recipient> takeDue(Instant now) {
        List<Recipient> due = new ArrayList<>();
        if (removed) {
            return due;
        }
        for (RecipientState state : recipients.values()) {
            if (!state.inFlight && (state.nextAttempt == null || !state.nextAttempt.isAfter(now))) {
                state.inFlight = true;
                due.add(state.recipient);
            }
        }
        return due;
    }

    /** Makes every waiting recipient due now (deliver-now). */
    synchronized void dueNow(Instant now) {
        recipients.values().stream().filter(s -> !s.inFlight).forEach(s -> s.nextAttempt = now);
    }

    /** The earliest retry time of the recipients that wait, if any wait. */
    synchronized Optional<Instant> nextRetry() {
        return recipients.values().stream().filter(s -> !s.inFlight)
                .map(s -> s.nextAttempt == null ? Instant.EPOCH : s.nextAttempt)
                .min(Instant::compareTo);
    }

    synchronized RecipientState state(int rid) {
        return recipients.get(rid);
    }

    /** The recipients left the queue (delivered or bounced). */
    synchronized void done(Collection<Integer> rids) {
        rids.forEach(recipients::remove);
    }

    /** These recipients wait again, until {@code next}. */
    synchronized void waitUntil(Collection<Integer> rids, String error, Instant next, boolean countAttempt) {
        for (int rid : rids) {
            RecipientState state = recipients.get(rid);
            if (state != null) {
                if (countAttempt) {
                    state.attempts++;
                }
                state.lastError = error;
                state.nextAttempt = next;
                state.inFlight = false;
            }
        }
    }

    synchronized boolean finished() {
        return recipients.isEmpty();
    }

    synchronized int waiting() {
        return recipients.size();
    }

    synchronized boolean removed() {
        return removed;
    }

    /** Replaces the retry timer. */
    synchronized void timer(ScheduledFuture<?> next) {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = next;
    }

    /** The admin deleted the message: no more attempts. */
    synchronized void remove() {
        removed = true;
        timer(null);
    }
}
