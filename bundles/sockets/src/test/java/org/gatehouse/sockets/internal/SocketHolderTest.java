package org.gatehouse.sockets.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketHolderTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private final SocketHolder holder = new SocketHolder(TimeUnit.MILLISECONDS.toNanos(300));

    @AfterEach
    void closeAll() {
        holder.closeAll();
    }

    @Test
    void aHandedOverPortKeepsTakingConnectionsUntilTheNextVersionClaimsIt() throws IOException {
        ServerSocketChannel first = holder.claim("public", ANY_PORT, 50);
        int port = port(first);
        holder.handOver("public");
        // Nobody accepts now, yet the kernel completes the handshake: the client is not refused.
        try (Socket waiting = new Socket("127.0.0.1", port)) {
            ServerSocketChannel again = holder.claim("public", ANY_PORT, 50);
            assertSame(first, again);
            again.configureBlocking(true);
            try (var accepted = again.accept()) {
                assertEquals(waiting.getLocalPort(), ((InetSocketAddress) accepted.getRemoteAddress()).getPort());
            }
        }
    }

    @Test
    void aPortNobodyClaimsBackClosesAfterTheHandOverTime() throws IOException {
        int port = port(holder.claim("public", ANY_PORT, 50));
        holder.handOver("public");
        await().atMost(Duration.ofSeconds(5)).until(() -> holder.held() == 0);
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void aClaimWithinTheHandOverTimeKeepsThePortOpenPastIt() throws IOException {
        int port = port(holder.claim("public", ANY_PORT, 50));
        holder.handOver("public");
        holder.claim("public", ANY_PORT, 50);
        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(1, holder.held());
        new Socket("127.0.0.1", port).close();
    }

    @Test
    void releasingClosesThePortAtOnce() throws IOException {
        int port = port(holder.claim("private", ANY_PORT, 50));
        holder.release("private");
        assertEquals(0, holder.held());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void aNewAddressMovesTheListener() throws IOException {
        ServerSocketChannel first = holder.claim("public", ANY_PORT, 50);
        int oldPort = port(first);
        ServerSocketChannel moved = holder.claim("public", new InetSocketAddress("127.0.0.2", 0), 50);
        assertNotEquals(first, moved);
        assertTrue(!first.isOpen());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", oldPort).close());
    }

    @Test
    void aBusyPortIsAClearError() throws IOException {
        int port = port(holder.claim("public", ANY_PORT, 50));
        IOException e = assertThrows(IOException.class,
                () -> holder.claim("other", new InetSocketAddress("127.0.0.1", port), 50));
        assertTrue(e.getMessage().toLowerCase().contains("in use"), e.getMessage());
    }

    private static int port(ServerSocketChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }
}
