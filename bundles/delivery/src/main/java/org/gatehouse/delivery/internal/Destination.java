package org.gatehouse.delivery.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries waiting for one destination domain and the connections that carry them. At
 * most {@code maxConnections} workers run at once; each keeps its connection for up to
 * {@code maxMessagesPerConnection} messages (RSET between) and parks it idle for a few
 * seconds when the queue runs dry, so a burst that follows reuses it.
 */
final class Destination {

    private static final Logger LOG = LoggerFactory.getLogger(Destination.class);

    private record IdleSession(SmtpSession session, ScheduledFuture<?> closer) {
    }

    private final String domain;
    private final DeliveryContext ctx;
    private final Deque<Delivery> queue = new ArrayDeque<>();
    private final Deque<IdleSession> idle = new ArrayDeque<>();
    /** Connections a worker is using right now (for shutdown). */
    private final Set<SmtpSession> busy = ConcurrentHashMap.newKeySet();
    private int workers;

    Destination(String domain, DeliveryContext ctx) {
        this.domain = domain;
        this.ctx = ctx;
    }

    String domain() {
        return domain;
    }

    synchronized void submit(Delivery delivery) {
        queue.add(delivery);
        startWorkers();
    }

    /** Starts workers while there is more work than workers, within the connection limit. */
    private void startWorkers() {
        while (!ctx.stopping().getAsBoolean() && workers < ctx.maxConnections() && workers < queue.size()) {
            IdleSession parked = idle.pollLast();
            if (parked != null && parked.closer() != null) {
                parked.closer().cancel(false);
            }
            SmtpSession session = parked == null ? null : parked.session();
            workers++;
            try {
                ctx.workers().execute(() -> work(session));
            } catch (RejectedExecutionException e) {
                // Only while stopping: the deliveries stay queued, the connection waits to be closed.
                workers--;
                if (parked != null) {
                    idle.add(new IdleSession(session, null));
                }
                LOG.debug("Worker pool refused a delivery to {}", domain, e);
                return;
            }
        }
    }

    private void work(SmtpSession first) {
        SmtpSession session = first;
        while (true) {
            Delivery next;
            synchronized (this) {
                next = ctx.stopping().getAsBoolean() ? null : queue.poll();
                if (next == null) {
                    workers--;
                    if (session != null && park(session)) {
                        return;
                    }
                }
            }
            if (next == null) {
                break;
            }
            session = deliver(next, session);
        }
        if (session != null) {
            close(session);
        }
        ctx.emptied().accept(this);
    }

    private SmtpSession deliver(Delivery d, SmtpSession current) {
        if (d.pending().removed()) {
            return current;
        }
        SmtpSession session = current;
        try {
            if (session != null && (session.transactions() >= ctx.maxMessagesPerConnection() || !session.reset())) {
                close(session);
                session = null;
            }
            if (session == null) {
                session = connect(d);
                if (session == null) {
                    return null;
                }
            }
            ctx.log().start(session.dcid(), d.pending().mid(), d.rids());
            Map<Integer, SmtpReply> replies;
            busy.add(session);
            try {
                try {
                    replies = session.send(d.pending().message(), d.recipients());
                } catch (StaleConnection stale) {
                    LOG.debug("Reused connection to {} was dead: {}", session.hop(), stale.getMessage());
                    busy.remove(session);
                    close(session);
                    session = connect(d);
                    if (session == null) {
                        return null;
                    }
                    busy.add(session);
                    replies = session.send(d.pending().message(), d.recipients());
                }
            } catch (IOException e) {
                close(session);
                ctx.outcomes().temporaryFailure(d, SmtpReply.local(451, "4.4.2 Connection to "
                        + session.hop() + " lost: " + e.getMessage()), session.dcid());
                return null;
            } finally {
                busy.remove(session);
            }
            ctx.outcomes().apply(d, replies, session.dcid(), session.hop().name());
            return session;
        } catch (RuntimeException e) {
            ctx.outcomes().unexpected(d, e);
            return session;
        }
    }

    /** Resolves the destination and opens a connection to the first host that takes one. */
    private SmtpSession connect(Delivery d) {
        Resolution resolution = ctx.resolver().resolve(domain);
        if (resolution instanceof Resolution.Drop) {
            ctx.outcomes().dropped(d);
            return null;
        }
        if (resolution instanceof Resolution.Failure failure) {
            failAll(d, failure.reply());
            return null;
        }
        SmtpReply last = SmtpReply.local(451, "4.4.4 No host to deliver to for " + domain);
        for (NextHop hop : ((Resolution.Hosts) resolution).hops()) {
            long dcid = ctx.dcids().incrementAndGet();
            try {
                SmtpSession session = SmtpSession.open(hop, dcid, ctx.session());
                ctx.log().connected(dcid, session.localAddress(), session.remoteAddress(), hop.port(),
                        session.tlsProtocol());
                return session;
            } catch (HopFailure e) {
                LOG.debug("Host {} for {} failed: {}", hop, domain, e.reply());
                last = e.reply();
            }
        }
        // A host that refuses at the greeting may take mail later: this is never a bounce.
        failAll(d, last.transientFailure() ? last : SmtpReply.local(451, "4.4.0 " + last));
        return null;
    }

    /** The destination failed as a whole: what waits for it now fails the same way. */
    private void failAll(Delivery first, SmtpReply reply) {
        List<Delivery> all = new ArrayList<>();
        all.add(first);
        synchronized (this) {
            all.addAll(queue);
            queue.clear();
        }
        for (Delivery d : all) {
            if (reply.permanentFailure()) {
                ctx.outcomes().permanentFailure(d, reply);
            } else {
                ctx.outcomes().temporaryFailure(d, reply, 0);
            }
        }
    }

    /** Keeps a good connection for reuse; false when it is not worth keeping. Holds the lock. */
    private boolean park(SmtpSession session) {
        if (ctx.stopping().getAsBoolean() || !session.usable()
                || session.transactions() >= ctx.maxMessagesPerConnection()) {
            return false;
        }
        try {
            ScheduledFuture<?> closer = ctx.timers().schedule(() -> expire(session),
                    ctx.idleTime().toMillis(), TimeUnit.MILLISECONDS);
            idle.addLast(new IdleSession(session, closer));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("Timer refused to park a connection to {}", domain, e);
            return false;
        }
    }

    /** The idle timer ran out: close the connection unless a worker took it meanwhile. */
    private void expire(SmtpSession session) {
        synchronized (this) {
            if (!idle.removeIf(parked -> parked.session() == session)) {
                return;
            }
        }
        try {
            // QUIT can wait for a slow server: not on the timer thread.
            ctx.workers().execute(() -> {
                close(session);
                ctx.emptied().accept(this);
            });
        } catch (RejectedExecutionException e) {
            close(session);
        }
    }

    /** Closes the idle connections (deactivate). */
    void closeIdle() {
        List<IdleSession> parked;
        synchronized (this) {
            parked = new ArrayList<>(idle);
            idle.clear();
        }
        for (IdleSession p : parked) {
            if (p.closer() != null) {
                p.closer().cancel(false);
            }
            close(p.session());
        }
    }

    /** Shutdown ran out of patience: cut the connections of transactions still running. */
    void abortBusy() {
        busy.forEach(SmtpSession::abort);
    }

    private void close(SmtpSession session) {
        session.quit();
        ctx.log().closed(session.dcid());
    }

    synchronized boolean empty() {
        return queue.isEmpty() && workers == 0 && idle.isEmpty();
    }

    /** What the console shows for this destination. */
    synchronized DeliveryMonitor.DestinationView status() {
        return new DeliveryMonitor.DestinationView(domain, workers + idle.size(), idle.size(), queue.size());
    }
}
