package org.gatehouse.smtplistener.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.api.HostAccess;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.Spool;

/** Services as a test sets them; the mail log keeps its lines. */
final class TestServices implements MailServices, MailLog {

    volatile Spool spool;
    volatile HostAccess hostAccess;
    volatile SmtpUsers smtpUsers;
    final List<String> log = new CopyOnWriteArrayList<>();

    @Override
    public Spool spool() {
        return spool;
    }

    @Override
    public MailLog mailLog() {
        return this;
    }

    @Override
    public HostAccess hostAccess() {
        return hostAccess;
    }

    @Override
    public SmtpUsers smtpUsers() {
        return smtpUsers;
    }

    @Override
    public void info(MailEvent event) {
        log.add(event.text());
    }

    @Override
    public void warning(MailEvent event) {
        log.add(event.text());
    }
}
