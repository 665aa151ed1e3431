package org.gatehouse.antispam.internal;

import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;

/** Holds the optional mail log; events are dropped while no mail log is there. */
final class MailLogRelay {

    private volatile MailLog log;

    void bind(MailLog mailLog) {
        this.log = mailLog;
    }

    void unbind(MailLog mailLog) {
        if (this.log == mailLog) {
            this.log = null;
        }
    }

    void info(MailEvent event) {
        MailLog current = log;
        if (current != null) {
            current.info(event);
        }
    }
}
