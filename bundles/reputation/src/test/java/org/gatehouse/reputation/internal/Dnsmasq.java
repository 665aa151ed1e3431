package org.gatehouse.reputation.internal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real dnsmasq on a free loopback port, authoritative for {@code test}: the names given
 * answer A records, every other {@code .test} name is NXDOMAIN, and names outside {@code test}
 * are REFUSED (no upstream).
 */
final class Dnsmasq implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/dnsmasq");

    private final Process process;
    private final int port;
    private final Path log;

    private Dnsmasq(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts dnsmasq answering {@code name -> address} for each pair, and waits until it answers. */
    static Dnsmasq start(Path dir, List<String[]> addresses) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            List<String> conf = new ArrayList<>(List.of("port=" + port, "listen-address=127.0.0.1", "bind-interfaces",
                    "no-resolv", "no-hosts", "no-daemon", "user=", "pid-file=", "local=/test/", "address=/ready.test/127.0.0.1"));
            for (String[] a : addresses) {
                conf.add("address=/" + a[0] + "/" + a[1]);
            }
            Path file = dir.resolve("dnsmasq-" + attempt + ".conf");
            Files.write(file, conf, StandardCharsets.US_ASCII);
            Path log = dir.resolve("dnsmasq-" + attempt + ".log");
            Process process = new ProcessBuilder(BINARY.toString(), "--conf-file=" + file)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Dnsmasq dnsmasq = new Dnsmasq(process, port, log);
            try {
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !process.isAlive() || dnsmasq.answers());
            } catch (RuntimeException e) {
                dnsmasq.close();
                throw new IOException("dnsmasq did not answer: " + Files.readString(log), e);
            }
            if (process.isAlive()) {
                return dnsmasq;
            }
            // Another process took the port between our probe and dnsmasq's bind: try another.
            if (attempt == 3) {
                throw new IOException("dnsmasq did not start: " + Files.readString(log));
            }
        }
    }

    private boolean answers() {
        try {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            resolver.setTimeout(Duration.ofMillis(200));
            Message reply = resolver.send(Message.newQuery(Record.newRecord(Name.fromString("ready.test."), Type.A, DClass.IN)));
            return reply.getSection(org.xbill.DNS.Section.ANSWER).size() == 1;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = udp.getLocalPort();
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException tcpTaken) {
                return freePort();
            }
        }
    }

    /** {@code 127.0.0.1:port}, as {@code dns.server} takes it. */
    String server() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted stopping dnsmasq; log " + log, e);
        }
    }
}
