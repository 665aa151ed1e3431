package org.gatehouse.smtplistener.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;

/**
 * Hands out ICIDs (incoming connection IDs of the mail log), one sequence shared by all
 * listeners. It starts from the clock's seconds so that ICIDs after a restart do not repeat
 * those of the previous run in the mail log and tracking.
 */
@Component(service = ConnectionIds.class)
public class ConnectionIds {

    private final AtomicLong last;

    public ConnectionIds() {
        this(System.currentTimeMillis() / 1000L * 10L);
    }

    ConnectionIds(long start) {
        this.last = new AtomicLong(start);
    }

    public long next() {
        return last.incrementAndGet();
    }
}
