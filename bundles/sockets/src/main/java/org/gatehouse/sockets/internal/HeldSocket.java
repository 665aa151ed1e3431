package org.gatehouse.sockets.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/** One bound port and whether a listener serves it right now. */
final class HeldSocket {

    private final InetSocketAddress requested;
    private final ServerSocketChannel channel;
    /** When an unserved socket closes (System.nanoTime), or 0 while a listener serves it. */
    private long closeAt;

    private HeldSocket(InetSocketAddress requested, ServerSocketChannel channel) {
        this.requested = requested;
        this.channel = channel;
    }

    static HeldSocket bind(InetSocketAddress address, int backlog) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, backlog);
            channel.configureBlocking(false);
            return new HeldSocket(address, channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    boolean sameAddress(InetSocketAddress address) {
        return requested.equals(address);
    }

    ServerSocketChannel channel() {
        return channel;
    }

    void served() {
        closeAt = 0;
    }

    void unservedUntil(long nanos) {
        closeAt = nanos;
    }

    boolean expired(long now) {
        return closeAt != 0 && now - closeAt >= 0;
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void close() throws IOException {
        channel.close();
    }
}
