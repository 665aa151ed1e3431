package org.gatehouse.hat.internal;

import java.time.Instant;
import java.util.function.Supplier;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.RecipientCheck;

/**
 * One RCPT against the host's standing: a host cut off by directory harvest prevention is
 * refused; on public listeners (unless the policy relays) the RAT decides, and its refusals count
 * as invalid recipients towards the DHAP limit; then the host's hourly recipient limit, shared by
 * all listeners. Trips of DHAP and the hourly limit go to the mail log once, not per RCPT.
 */
final class RecipientGate {

    private final HostCounters counters;
    private final Supplier<MailLog> mailLog;

    RecipientGate(HostCounters counters, Supplier<MailLog> mailLog) {
        this.counters = counters;
        this.mailLog = mailLog;
    }

    /** @param rat the listener's RAT, or null when the listener has no HAT (then only ALL -> REJECT applies) */
    RecipientCheck check(String listener, boolean publicListener, RecipientAccessTable rat, HostDecision host,
                         String address) {
        MailFlowPolicy policy = host.policy();
        HostRecord record = counters.host(host.remoteIp());
        long now = counters.now();
        if (record.cutOff(now)) {
            return RecipientCheck.refuse(policy.dhapReply(), "directory harvest prevention: host refused until "
                    + Instant.ofEpochMilli(record.cutOffUntil()));
        }
        if (publicListener && policy.access() != AccessRule.RELAY) {
            RatEntry entry = rat == null ? RatEntry.ALL : rat.match(address);
            if (!entry.accept()) {
                return invalid(listener, host, record, now, entry);
            }
            if (entry.bypassThrottling()) {
                return RecipientCheck.accept();
            }
        }
        int limit = policy.maxRecipientsPerHour();
        if (!record.recipient(now, limit)) {
            if (record.shouldWarnLimit(now)) {
                log(MailEvent.of("hat.recipient-limit").with("listener", listener).with("ip", host.remoteIp())
                        .with("limit", limit).with("policy", policy.name())
                        .text("Host " + host.remoteIp() + " reached its limit of " + limit
                                + " recipients per hour (policy " + policy.name() + ", listener " + listener + ")"));
            }
            return RecipientCheck.refuse(policy.recipientsPerHourReply(), "recipients per hour limit " + limit + " reached");
        }
        return RecipientCheck.accept();
    }

    private RecipientCheck invalid(String listener, HostDecision host, HostRecord record, long now, RatEntry entry) {
        MailFlowPolicy policy = host.policy();
        int limit = policy.maxInvalidRecipientsPerHour();
        String reason = "RAT " + entry.recipient() + " REJECT";
        if (record.invalidRecipient(now, limit)) {
            log(MailEvent.of("hat.dhap").with("listener", listener).with("ip", host.remoteIp()).with("limit", limit)
                    .with("policy", policy.name())
                    .text("Directory harvest prevention: host " + host.remoteIp() + " sent " + limit
                            + " invalid recipients within an hour (policy " + policy.name() + ", listener " + listener
                            + "); connection dropped and host refused for an hour"));
            return RecipientCheck.refuseAndClose(policy.dhapReply(), reason + "; DHAP limit " + limit + " reached");
        }
        return RecipientCheck.refuse(entry.reply(), reason);
    }

    /** The host's counters for the console, without creating a record. */
    HostStatus status(String ip) {
        HostRecord record = counters.peek(ip);
        if (record == null) {
            return HostStatus.UNKNOWN;
        }
        long now = counters.now();
        long until = record.cutOffUntil();
        return new HostStatus(record.recipients(now), record.invalidRecipients(now), until > now ? until : 0);
    }

    private void log(MailEvent event) {
        MailLog log = mailLog.get();
        if (log != null) {
            log.warning(event);
        }
    }
}
