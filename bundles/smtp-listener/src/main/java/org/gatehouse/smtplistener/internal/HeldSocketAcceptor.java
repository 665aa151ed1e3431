package org.gatehouse.smtplistener.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;

import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.gatehouse.api.ListeningSockets;

/**
 * A MINA acceptor that serves a port held by {@link ListeningSockets} instead of binding its
 * own: unbinding only stops this acceptor from taking connections, the port stays open for the
 * next version of the listener, so an update refuses no connection.
 */
final class HeldSocketAcceptor extends NioSocketAcceptor {

    private final ListeningSockets sockets;
    private final String listener;

    HeldSocketAcceptor(ListeningSockets sockets, String listener, int processors) {
        super(processors);
        this.sockets = sockets;
        this.listener = listener;
    }

    @Override
    protected ServerSocketChannel open(SocketAddress localAddress) throws Exception {
        ServerSocketChannel channel = sockets.claim(listener, (InetSocketAddress) localAddress, getBacklog());
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_ACCEPT);
        return channel;
    }

    /** Stops watching the port; closing it is the holder's business. */
    @Override
    protected void close(ServerSocketChannel handle) {
        SelectionKey key = handle.keyFor(selector);
        if (key != null) {
            key.cancel();
        }
    }
}
