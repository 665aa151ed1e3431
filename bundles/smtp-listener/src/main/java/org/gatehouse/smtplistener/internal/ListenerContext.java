package org.gatehouse.smtplistener.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What all sessions of one listener share: settings, services, the built-in access rules, the
 * small executor that runs connect decisions and commit completions off the I/O threads, and
 * the listener's counters.
 */
final class ListenerContext {

    private final ListenerSettings settings;
    private final MailServices services;
    private final BuiltInHostAccess builtInAccess;
    private final Executor executor;
    private final AtomicLong accepted = new AtomicLong();
    private final HostConnections hostConnections = new HostConnections();

    ListenerContext(ListenerSettings settings, MailServices services, Executor executor) {
        this.settings = settings;
        this.services = services;
        this.builtInAccess = new BuiltInHostAccess(settings);
        this.executor = executor;
    }

    ListenerSettings settings() {
        return settings;
    }

    MailServices services() {
        return services;
    }

    BuiltInHostAccess builtInAccess() {
        return builtInAccess;
    }

    HostConnections hostConnections() {
        return hostConnections;
    }

    Executor executor() {
        return executor;
    }

    void messageAccepted() {
        accepted.incrementAndGet();
    }

    long messagesAccepted() {
        return accepted.get();
    }
}
