package org.gatehouse.smtplistener.internal;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.sockets.internal.SocketHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts real listeners on free loopback ports with a file-backed test spool. */
abstract class ServerTestSupport {

    @TempDir
    static Path tlsDirectory;

    @TempDir
    Path spoolDirectory;

    final TestServices services = new TestServices();
    TestSpool spool;
    /**
     * Servers here bind ports through a real holder, as in Karaf; one holder per server, since
     * servers in a test share the listener name and a holder keeps one port per name.
     */
    private final List<SocketHolder> holders = new ArrayList<>();
    private final List<SmtpServer> servers = new ArrayList<>();
    private final List<SmtpClient> clients = new ArrayList<>();

    SmtpServer start(Object... keyValues) throws Exception {
        spool = spool == null ? new TestSpool(spoolDirectory) : spool;
        services.spool = spool;
        ListenerSettings settings = TestConfig.settings(tlsDirectory, keyValues);
        ListenerTls tls = ListenerTls.load(settings);
        SocketHolder sockets = new SocketHolder(TimeUnit.SECONDS.toNanos(5));
        holders.add(sockets);
        SmtpServer server = new SmtpServer(settings, services, new ConnectionIds(0), tls, sockets);
        server.start();
        servers.add(server);
        return server;
    }

    SmtpClient connect(SmtpServer server) throws Exception {
        SmtpClient client = new SmtpClient(server.localPort());
        clients.add(client);
        return client;
    }

    /** Connects, reads the banner and says EHLO. */
    SmtpClient greeted(SmtpServer server) throws Exception {
        SmtpClient client = connect(server);
        org.junit.jupiter.api.Assertions.assertTrue(client.reply().startsWith("220 mx.test"));
        org.junit.jupiter.api.Assertions.assertTrue(client.command("EHLO client.test").startsWith("250-mx.test"));
        return client;
    }

    void awaitNoSessions(SmtpServer server) {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.status().openConnections() == 0);
    }

    @AfterEach
    void stopServers() throws Exception {
        for (SmtpClient c : clients) {
            c.close();
        }
        for (SmtpServer s : servers) {
            s.stop(Duration.ofSeconds(2));
        }
        holders.forEach(SocketHolder::closeAll);
    }
}
