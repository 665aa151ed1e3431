package org.gatehouse.queue.internal;

import java.util.List;
import java.util.Locale;

import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.StageResult;

/**
 * The queue's lines in the mail log. The MailLog service is optional and may come and go; with
 * none bound, events are not written anywhere (karaf.log is not flooded with one line per mail).
 */
final class QueueLog {

    private volatile MailLog mailLog;

    void bind(MailLog log) {
        this.mailLog = log;
    }

    void unbind(MailLog log) {
        if (this.mailLog == log) {
            this.mailLog = null;
        }
    }

    void queuedForDelivery(long mid) {
        info(MailEvent.of("message.queued").with("mid", mid).text("MID " + mid + " queued for delivery"));
    }

    void aborted(long mid) {
        info(MailEvent.of("message.aborted").with("mid", mid).text("MID " + mid + " aborted"));
    }

    void verdict(long mid, String stage, StageResult result) {
        String verdict = result.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String reason = result.reason() == null ? "" : result.reason();
        info(MailEvent.of("message.stage").with("mid", mid).with("stage", stage).with("verdict", verdict)
                .with("reason", reason)
                .text("MID " + mid + " " + stage + " " + verdict + (reason.isEmpty() ? "" : " " + reason)));
    }

    void skipped(long mid, String stage, String policy) {
        info(MailEvent.of("message.stage").with("mid", mid).with("stage", stage).with("verdict", "skipped")
                .with("reason", "policy " + policy)
                .text("MID " + mid + " " + stage + " skipped: policy " + policy + " turns it off"));
    }

    void dropped(long mid, String stage, String reason) {
        info(MailEvent.of("message.dropped").with("mid", mid).with("stage", stage).with("reason", reason)
                .text("MID " + mid + " dropped by " + stage + suffix(reason)));
    }

    void bouncedByStage(long mid, String stage, String reason) {
        warning(MailEvent.of("message.bounced").with("mid", mid).with("stage", stage).with("reason", reason)
                .text("MID " + mid + " bounced by " + stage + suffix(reason)
                        + " - no bounce generator installed: message dropped without a DSN"));
    }

    void held(long mid, String by, String why) {
        warning(MailEvent.of("message.held").with("mid", mid).with("stage", by).with("reason", why)
                .text("MID " + mid + " held by " + by + suffix(why) + " - no quarantine installed: kept in hold"));
    }

    void stageError(long mid, String stage, String error, String consequence) {
        warning(MailEvent.of("message.stage.error").with("mid", mid).with("stage", stage).with("error", error)
                .text("MID " + mid + " " + stage + " error: " + error + " - " + consequence));
    }

    void deleted(long mid, List<Integer> pendingRids) {
        info(MailEvent.of("message.deleted").with("mid", mid).with("rids", pendingRids)
                .text("MID " + mid + " deleted by the administrator, RID " + pendingRids + " not delivered"));
    }

    void released(long mid) {
        info(MailEvent.of("message.released").with("mid", mid).text("MID " + mid + " released from hold"));
    }

    private static String suffix(String reason) {
        return reason == null || reason.isEmpty() ? "" : ": " + reason;
    }

    private void info(MailEvent event) {
        MailLog log = mailLog;
        if (log != null) {
            log.info(event);
        }
    }

    private void warning(MailEvent event) {
        MailLog log = mailLog;
        if (log != null) {
            log.warning(event);
        }
    }
}
