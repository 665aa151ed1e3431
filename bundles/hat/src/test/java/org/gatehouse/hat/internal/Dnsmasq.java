package org.gatehouse.hat.internal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real dnsmasq on a free loopback UDP port, serving the given records for the test zones
 * ({@code .test} and reverse zones). Start it, use {@link #server()} as {@code dns.server}, close it.
 */
final class Dnsmasq implements AutoCloseable {

    private final Path dir;
    private final Process process;
    private final int port;

    /** @param records dnsmasq lines, e.g. {@code host-record=mail.partner.test,127.0.0.5} */
    Dnsmasq(List<String> records) throws IOException {
        this.dir = Files.createTempDirectory("dnsmasq");
        this.port = freeUdpPort();
        StringBuilder conf = new StringBuilder();
        for (String line : List.of("port=" + port, "listen-address=127.0.0.1", "bind-interfaces", "no-resolv",
                "no-hosts", "no-daemon", "user=", "local=/test/", "local=/in-addr.arpa/", "local=/ip6.arpa/",
                "pid-file=" + dir.resolve("pid"))) {
            conf.append(line).append('\n');
        }
        records.forEach(r -> conf.append(r).append('\n'));
        Path file = Files.writeString(dir.resolve("dnsmasq.conf"), conf);
        this.process = new ProcessBuilder("/usr/sbin/dnsmasq", "--conf-file=" + file)
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(this::answers);
    }

    String server() {
        return "127.0.0.1:" + port;
    }

    private boolean answers() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("dnsmasq exited: " + Files.readString(dir.resolve("log")));
        }
        SimpleResolver r = new SimpleResolver(InetAddress.getLoopbackAddress());
        r.setPort(port);
        r.setTimeout(Duration.ofMillis(200));
        try {
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString("probe.test."), Type.A, DClass.IN)));
            return m.getRcode() == Rcode.NXDOMAIN || m.getRcode() == Rcode.NOERROR;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
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
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
