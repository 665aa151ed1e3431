package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's server socket and sessions: owns the MINA acceptor (2 I/O threads) and the
 * small executor for connect decisions and commit completions. Suspending unbinds the socket
 * but leaves open sessions alone; stopping also drains them within a bounded time.
 */
final class SmtpServer {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpServer.class);
    private static final int IO_PROCESSORS = 2;
    private static final int WORKERS = 2;

    private final ListenerSettings settings;
    private final ListenerContext context;
    private final SmtpIoHandler handler;
    private final ExecutorService executor;
    private final NioSocketAcceptor acceptor;
    private final Object closedSessions = new Object();
    private volatile boolean active;
    private volatile InetSocketAddress bound;

    SmtpServer(ListenerSettings settings, MailServices services, ConnectionIds ids, SSLContext tls) {
        this.settings = settings;
        this.executor = Executors.newFixedThreadPool(WORKERS, threads("gatehouse-smtp-" + settings.name()));
        this.context = new ListenerContext(settings, services, executor);
        this.handler = new SmtpIoHandler(context, ids, tls, this::sessionClosed);
        this.acceptor = new NioSocketAcceptor(IO_PROCESSORS);
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

    /** Stops accepting new connections; open sessions go on. */
    synchronized void suspend() {
        if (active) {
            acceptor.unbind();
            active = false;
            LOG.info("Listener {} suspended", settings.name());
        }
    }

    /**
     * Unbinds, lets open sessions finish their transaction (then they get 421), waits up to
     * {@code drain} for them and closes what is left.
     */
    void stop(Duration drain) {
        suspend();
        handler.drain(acceptor.getManagedSessions().values());
        long deadline = System.nanoTime() + drain.toNanos();
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
        if (handler.openConnections() > 0) {
            LOG.warn("Listener {}: closing {} sessions that did not finish within {}", settings.name(),
                    handler.openConnections(), drain);
        }
        acceptor.dispose(true);
        executor.shutdown();
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
