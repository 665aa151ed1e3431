package org.gatehouse.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

/**
 * Listening sockets kept outside the bundles that serve them, so that updating a listener bundle
 * never closes its port: connections that arrive while the new version starts wait in the
 * kernel's accept queue and are served a moment later instead of being refused.
 */
public interface ListeningSockets {

    /**
     * The bound, non-blocking channel for a listener. The same channel is returned across calls
     * (and across versions of the caller) while the address stays the same; a new address closes
     * the old socket and binds the new one.
     */
    ServerSocketChannel claim(String listener, InetSocketAddress address, int backlog) throws IOException;

    /**
     * The listener stopped serving for now (its bundle is being updated or reconfigured). The
     * socket stays open for the hand-over time and closes if nobody claims it again by then.
     */
    void handOver(String listener);

    /** The listener is gone or suspended: its port closes now and new connections are refused. */
    void release(String listener);
}
