package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.api.ListeningSockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's sessions on a port held by {@link ListeningSockets}: owns the MINA acceptor (2
 * I/O threads) and the small executor for connect decisions and commit completions. Suspending
 * closes the port but leaves open sessions alone; stopping also drains them within a bounded
 * time; handing over (an update) leaves the port open for the next version and lets the open
 * sessions finish on this one in the background.
 */
final class SmtpServer {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpServer.class);
    private static final int IO_PROCESSORS = 2;
    private static final int WORKERS = 2;

    private final ListenerSettings settings;
    private final ListenerContext context;
    private final SmtpIoHandler handler;
    private final ExecutorService executor;
    private final ListeningSockets sockets;
    private final HeldSocketAcceptor acceptor;
    private final Object closedSessions = new Object();
    private volatile boolean active;
    private volatile InetSocketAddress bound;

    SmtpServer(ListenerSettings settings, MailServices services, ConnectionIds ids, ListenerTls tls,
               ListeningSockets sockets) {
        this.settings = settings;
        this.sockets = sockets;
        this.executor = Executors.newFixedThreadPool(WORKERS, threads("gatehouse-smtp-" + settings.name()));
        this.context = new ListenerContext(settings, services, executor);
        this.handler = new SmtpIoHandler(context, ids, tls, this::sessionClosed);
        this.acceptor = new HeldSocketAcceptor(sockets, settings.name(), IO_PROCESSORS);
        acceptor.setReuseAddress(true);
        acceptor.setBacklog(settings.backlog());
        // Suspending (unbind) must not cut the sessions that are open.
        acceptor.setCloseOnDeactivation(false);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.setHandler(handler);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Binds the listening socket. */
    synchronized void start() throws IOException {
        if (!active) {
            InetSocketAddress address = bound != null ? bound : new InetSocketAddress(settings.address(), settings.port());
            acceptor.bind(address);
            bound = acceptor.getLocalAddress();
            active = true;
            LOG.info("Listener {} ({}) accepting on {}", settings.name(), settings.type().label(), bound);
        }
    }

    /** Closes the port (new connections are refused); open sessions go on. */
    synchronized void suspend() {
        if (active) {
            acceptor.unbind();
            sockets.release(settings.name());
            active = false;
            LOG.info("Listener {} suspended", settings.name());
        }
    }

    /**
     * This version stops serving (its bundle is being updated or reconfigured): the port stays
     * open for the next version, and the open sessions finish here in the background, on the
     * chain they started with. After {@code natural} they are asked to end after their current
     * transaction, and after {@code drain} more whatever is left is closed.
     */
    synchronized void handOver(Duration natural, Duration drain) {
        if (active) {
            acceptor.unbind();
            sockets.handOver(settings.name());
            active = false;
        }
        Thread retiring = new Thread(() -> retire(natural, drain), "gatehouse-smtp-" + settings.name() + "-retiring");
        retiring.setDaemon(true);
        retiring.start();
    }

    private void retire(Duration natural, Duration drain) {
        awaitSessionsClosed(natural);
        if (handler.openConnections() > 0) {
            LOG.info("Listener {}: {} sessions still open on the old version after {}; asking them to end",
                    settings.name(), handler.openConnections(), natural);
        }
        drainAndDispose(drain);
    }

    /**
     * Closes the port, lets open sessions finish their transaction (then they get 421), waits up
     * to {@code drain} for them and closes what is left.
     */
    void stop(Duration drain) {
        suspend();
        drainAndDispose(drain);
    }

    private void drainAndDispose(Duration drain) {
        handler.drain(acceptor.getManagedSessions().values());
        awaitSessionsClosed(drain);
        if (handler.openConnections() > 0) {
            LOG.warn("Listener {}: closing {} sessions that did not finish within {}", settings.name(),
                    handler.openConnections(), drain);
        }
        acceptor.dispose(true);
        executor.shutdown();
    }

    private void awaitSessionsClosed(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (closedSessions) {
            long left;
            while (handler.openConnections() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(closedSessions, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private void sessionClosed() {
        synchronized (closedSessions) {
            closedSessions.notifyAll();
        }
    }

    int localPort() {
        InetSocketAddress address = bound;
        return address == null ? settings.port() : address.getPort();
    }

    ListenerStatus status() {
        return new ListenerStatus(settings.name(), settings.type().label(), settings.address(), localPort(), active,
                handler.openConnections(), context.messagesAccepted());
    }
}
