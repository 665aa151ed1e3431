package org.gatehouse.delivery.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Supplier;

import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;

/** The delivery lines of the mail log (DCID, Delivery start, Message done, Delayed, Bounced). */
final class DeliveryLog {

    private final Supplier<MailLog> mailLog;

    DeliveryLog(Supplier<MailLog> mailLog) {
        this.mailLog = mailLog;
    }

    void connected(long dcid, String localAddress, String address, int port, String tls) {
        info(MailEvent.of("delivery.connection").with("dcid", dcid).with("interface", localAddress)
                .with("address", address).with("port", port).with("tls", tls)
                .text("New SMTP DCID " + dcid + " interface " + localAddress + " address " + address
                        + " port " + port + (tls == null ? "" : " TLS " + tls)));
    }

    void start(long dcid, long mid, Collection<Integer> rids) {
        info(MailEvent.of("delivery.start").with("dcid", dcid).with("mid", mid).with("rid", rids)
                .text("Delivery start DCID " + dcid + " MID " + mid + " to RID " + rids));
    }

    void done(long dcid, long mid, Collection<Integer> rids, String reply) {
        info(MailEvent.of("delivery.done").with("dcid", dcid).with("mid", mid).with("rid", rids)
                .with("reply", reply)
                .text("Message done DCID " + dcid + " MID " + mid + " to RID " + rids
                        + " [('reply', '" + reply + "')]"));
    }

    void dropped(long mid, Collection<Integer> rids, String domain) {
        info(MailEvent.of("delivery.dropped").with("mid", mid).with("rid", rids).with("domain", domain)
                .text("MID " + mid + " to RID " + rids + " dropped by SMTP route /dev/null for " + domain));
    }

    void delayed(long dcid, long mid, Collection<Integer> rids, String reply, Instant next) {
        warning(MailEvent.of("delivery.delayed").with("dcid", dcid).with("mid", mid).with("rid", rids)
                .with("reply", reply).with("next", next.toString())
                .text("Delayed: " + connection(dcid) + "MID " + mid + " to RID " + rids + " - " + reply));
    }

    void bounced(long dcid, long mid, Collection<Integer> rids, String reply) {
        warning(MailEvent.of("delivery.bounced").with("dcid", dcid).with("mid", mid).with("rid", rids)
                .with("reply", reply)
                .text("Bounced: " + connection(dcid) + "MID " + mid + " to RID " + rids + " - " + reply));
    }

    void finished(long mid) {
        info(MailEvent.of("message.finished").with("mid", mid).text("Message finished MID " + mid + " done"));
    }

    void closed(long dcid) {
        info(MailEvent.of("delivery.close").with("dcid", dcid).text("DCID " + dcid + " close"));
    }

    void generated(long newMid, long mid, Collection<Integer> rids) {
        info(MailEvent.of("message.generated").with("mid", newMid).with("origin_mid", mid).with("rid", rids)
                .text("MID " + newMid + " was generated based on MID " + mid + " RID " + rids));
    }

    private static String connection(long dcid) {
        return dcid > 0 ? "DCID " + dcid + " " : "";
    }

    private void info(MailEvent event) {
        MailLog log = mailLog.get();
        if (log != null) {
            log.info(event);
        }
    }

    private void warning(MailEvent event) {
        MailLog log = mailLog.get();
        if (log != null) {
            log.warning(event);
        }
    }
}
