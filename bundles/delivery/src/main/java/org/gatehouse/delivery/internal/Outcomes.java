package org.gatehouse.delivery.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each recipient's fate to the spool: 2xx delivered, 4xx deferred on the bounce
 * profile's schedule (bounced once retries or queue time run out), 5xx bounced with a DSN to
 * the sender first. A bounce whose DSN cannot be queued stays deferred: it is never lost.
 */
final class Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);
    static final String DROPPED = "250 2.0.0 Dropped by SMTP route /dev/null";

    private final RetrySchedule schedule;
    private final DsnWriter dsn;
    private final DeliveryLog log;
    private final Clock clock;
    private final Consumer<PendingMessage> settle;

    Outcomes(RetrySchedule schedule, DsnWriter dsn, DeliveryLog log, Clock clock, Consumer<PendingMessage> settle) {
        this.schedule = schedule;
        this.dsn = dsn;
        this.log = log;
        this.clock = clock;
        this.settle = settle;
    }

    /** The replies of one SMTP transaction, by RID. */
    void apply(Delivery d, Map<Integer, SmtpReply> replies, long dcid, String remoteMta) {
        Map<String, List<Integer>> delivered = new LinkedHashMap<>();
        Map<SmtpReply, List<Recipient>> temporary = new LinkedHashMap<>();
        List<DsnWriter.FailedRecipient> permanent = new ArrayList<>();
        for (Recipient r : d.recipients()) {
            SmtpReply reply = replies.get(r.rid());
            if (reply == null) {
                temporary.computeIfAbsent(SmtpReply.local(451, "4.3.0 No reply for this recipient"),
                        k -> new ArrayList<>()).add(r);
            } else if (reply.positive()) {
                delivered.computeIfAbsent(reply.toString(), k -> new ArrayList<>()).add(r.rid());
            } else if (reply.permanentFailure()) {
                permanent.add(new DsnWriter.FailedRecipient(r, reply, remoteMta));
            } else {
                temporary.computeIfAbsent(reply, k -> new ArrayList<>()).add(r);
            }
        }
        delivered.forEach((reply, rids) -> delivered(d.pending(), rids, reply, dcid));
        if (!permanent.isEmpty()) {
            bounce(d.pending(), permanent, dcid);
        }
        temporary.forEach((reply, rcpts) -> deferOrBounce(d.pending(), rcpts, reply, dcid, remoteMta));
        settle.accept(d.pending());
    }

    /** No host could be reached (or DNS did not answer): every recipient of the delivery waits. */
    void temporaryFailure(Delivery d, SmtpReply reply, long dcid) {
        deferOrBounce(d.pending(), d.recipients(), reply, dcid, null);
        settle.accept(d.pending());
    }

    /** The destination refuses mail for good (null MX, no such domain). */
    void permanentFailure(Delivery d, SmtpReply reply) {
        bounce(d.pending(), d.recipients().stream()
                .map(r -> new DsnWriter.FailedRecipient(r, reply, null)).toList(), 0);
        settle.accept(d.pending());
    }

    /** The route is /dev/null. */
    void dropped(Delivery d) {
        if (live(d.pending())) {
            d.pending().message().delivered(d.rids(), DROPPED);
        }
        d.pending().done(d.rids());
        log.dropped(d.pending().mid(), d.rids(), d.domain());
        settle.accept(d.pending());
    }

    /** Something unexpected broke the attempt: try again later without counting it. */
    void unexpected(Delivery d, RuntimeException e) {
        LOG.error("Delivery of MID {} to {} failed unexpectedly", d.pending().mid(), d.domain(), e);
        d.pending().waitUntil(d.rids(), e.toString(), clock.instant().plus(schedule.initial()), false);
        settle.accept(d.pending());
    }

    private void delivered(PendingMessage pending, List<Integer> rids, String reply, long dcid) {
        if (live(pending)) {
            pending.message().delivered(rids, reply);
        }
        pending.done(rids);
        log.done(dcid, pending.mid(), rids, reply);
    }

    private void deferOrBounce(PendingMessage pending, List<Recipient> rcpts, SmtpReply reply, long dcid,
                               String remoteMta) {
        Instant now = clock.instant();
        Map<Instant, List<Integer>> byNext = new LinkedHashMap<>();
        List<DsnWriter.FailedRecipient> expired = new ArrayList<>();
        for (Recipient r : rcpts) {
            PendingMessage.RecipientState state = pending.state(r.rid());
            int attempts = (state == null ? 0 : state.attempts) + 1;
            Optional<Instant> next = schedule.nextAttempt(attempts, pending.message().received(), now);
            if (next.isPresent()) {
                byNext.computeIfAbsent(next.get(), k -> new ArrayList<>()).add(r.rid());
            } else {
                expired.add(new DsnWriter.FailedRecipient(r, reply, remoteMta));
            }
        }
        byNext.forEach((next, rids) -> {
            if (live(pending)) {
                pending.message().deferred(rids, reply.toString(), next);
            }
            pending.waitUntil(rids, reply.toString(), next, true);
            log.delayed(dcid, pending.mid(), rids, reply.toString(), next);
        });
        if (!expired.isEmpty()) {
            bounce(pending, expired, dcid);
        }
    }

    private void bounce(PendingMessage pending, List<DsnWriter.FailedRecipient> failed, long dcid) {
        QueuedMessage message = pending.message();
        List<Integer> rids = failed.stream().map(f -> f.recipient().rid()).toList();
        if (!live(pending)) {
            pending.done(rids);
            return;
        }
        if (!message.envelope().nullSender()) {
            try {
                long dsnMid = dsn.queue(message, failed);
                log.generated(dsnMid, message.mid(), rids);
            } catch (IOException e) {
                Instant next = clock.instant().plus(schedule.initial());
                String why = "451 4.3.0 Bounce could not be queued (" + e.getMessage() + "): "
                        + failed.get(0).reply();
                LOG.warn("MID {}: {}", message.mid(), why, e);
                message.deferred(rids, why, next);
                pending.waitUntil(rids, why, next, false);
                log.delayed(dcid, message.mid(), rids, why, next);
                return;
            }
        }
        Map<String, List<Integer>> byReply = new LinkedHashMap<>();
        failed.forEach(f -> byReply.computeIfAbsent(f.reply().toString(), k -> new ArrayList<>())
                .add(f.recipient().rid()));
        byReply.forEach((reply, group) -> {
            message.bounced(group, reply);
            pending.done(group);
            log.bounced(dcid, message.mid(), group, reply);
        });
    }

    /** Whether the message is still in the spool (the admin may have deleted it meanwhile). */
    private static boolean live(PendingMessage pending) {
        return !pending.removed();
    }
}
