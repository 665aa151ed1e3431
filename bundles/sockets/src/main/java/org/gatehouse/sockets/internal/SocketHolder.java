package org.gatehouse.sockets.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.ListeningSockets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ports of all listeners, by listener name. Claiming binds (or returns the socket already
 * bound for that address); handing over keeps the port open, connections queueing in the
 * kernel, until the next version claims it or the hand-over time runs out.
 */
// Immediate: a delayed component would be disposed, closing every port, the moment its last
// user (the listener bundle being updated) lets go of it.
@Component(configurationPid = "org.gatehouse.sockets", service = ListeningSockets.class, immediate = true)
@Designate(ocd = SocketsConfig.class)
public class SocketHolder implements ListeningSockets {

    private static final Logger LOG = LoggerFactory.getLogger(SocketHolder.class);

    private final Map<String, HeldSocket> sockets = new HashMap<>();
    private final long handoverNanos;
    private final ScheduledExecutorService sweeper;

    @Activate
    public SocketHolder(SocketsConfig config) {
        this(TimeUnit.SECONDS.toNanos(Math.max(1, config.handover_seconds())));
    }

    /** For tests here and in the listener bundle, which serve their ports through a real holder. */
    public SocketHolder(long handoverNanos) {
        this.handoverNanos = handoverNanos;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-sockets-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized ServerSocketChannel claim(String listener, InetSocketAddress address, int backlog)
            throws IOException {
        HeldSocket held = sockets.get(listener);
        if (held != null && !held.sameAddress(address)) {
            LOG.info("Listener {} moves from {} to {}", listener, held.localAddress(), address);
            close(listener, held);
            held = null;
        }
        if (held == null) {
            held = HeldSocket.bind(address, backlog);
            sockets.put(listener, held);
            LOG.info("Listener {}: port {} open", listener, held.localAddress());
        }
        held.served();
        return held.channel();
    }

    @Override
    public synchronized void handOver(String listener) {
        HeldSocket held = sockets.get(listener);
        if (held != null) {
            held.unservedUntil(System.nanoTime() + handoverNanos);
            long millis = TimeUnit.NANOSECONDS.toMillis(handoverNanos);
            sweeper.schedule(this::closeUnclaimed, millis + 1, TimeUnit.MILLISECONDS);
            LOG.info("Listener {} handed its port over; it stays open {} ms for the next version", listener, millis);
        }
    }

    @Override
    public synchronized void release(String listener) {
        HeldSocket held = sockets.remove(listener);
        if (held != null) {
            close(listener, held);
        }
    }

    synchronized void closeUnclaimed() {
        long now = System.nanoTime();
        sockets.entrySet().removeIf(e -> {
            if (e.getValue().expired(now)) {
                LOG.warn("Listener {} did not come back within the hand-over time; its port closes", e.getKey());
                close(e.getKey(), e.getValue());
                return true;
            }
            return false;
        });
    }

    synchronized int held() {
        return sockets.size();
    }

    @Deactivate
    public synchronized void closeAll() {
        sweeper.shutdownNow();
        sockets.forEach(this::close);
        sockets.clear();
    }

    private void close(String listener, HeldSocket held) {
        try {
            held.close();
            LOG.info("Listener {}: port closed", listener);
        } catch (IOException e) {
            LOG.warn("Listener {}: closing its port failed", listener, e);
        }
    }
}
