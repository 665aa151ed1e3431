package org.gatehouse.antivirus.internal;

import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;

/** Forwards to the mail log while one is bound; the mail log is optional and may come and go. */
final class MailLogRelay implements MailLog {

    private volatile MailLog target;

    void bind(MailLog log) {
        target = log;
    }

    void unbind(MailLog log) {
        if (target == log) {
            target = null;
        }
    }

    @Override
    public void info(MailEvent event) {
        MailLog log = target;
        if (log != null) {
            log.info(event);
        }
    }

    @Override
    public void warning(MailEvent event) {
        MailLog log = target;
        if (log != null) {
            log.warning(event);
        }
    }
}
