package org.gatehouse.mailauth.internal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * A real dnsmasq on a free loopback port (UDP and TCP: long DKIM keys come over TCP), serving the
 * given records for the test zones ({@code .test}, {@code example.com} and the reverse zones).
 */
final class Dnsmasq implements AutoCloseable {

    private final Path dir;
    private final Process process;
    private final int port;

    /** @param records dnsmasq lines, e.g. {@code host-record=mail.a.test,192.0.2.10}; see {@link #txt} */
    Dnsmasq(List<String> records) throws IOException {
        this.dir = Files.createTempDirectory("dnsmasq");
        this.port = freePort();
        StringBuilder conf = new StringBuilder();
        for (String line : List.of("port=" + port, "listen-address=127.0.0.1", "bind-interfaces", "no-resolv",
                "no-hosts", "no-daemon", "user=", "local=/test/", "local=/example.com/", "local=/in-addr.arpa/",
                "local=/ip6.arpa/", "pid-file=" + dir.resolve("pid"))) {
            conf.append(line).append('\n');
        }
        records.forEach(r -> conf.append(r).append('\n'));
        Path file = Files.writeString(dir.resolve("dnsmasq.conf"), conf);
        this.process = new ProcessBuilder("/usr/sbin/dnsmasq", "--conf-file=" + file)
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(this::answers);
    }

    /** A TXT record line; the value is cut into strings of at most 255 characters, as DNS wants. */
    static String txt(String name, String value) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) {
            parts.add('"' + value.substring(i, Math.min(value.length(), i + 255)) + '"');
        }
        return "txt-record=" + name + "," + String.join(",", parts);
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

    /** A port free for both UDP and TCP on loopback. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort();
            } catch (IOException taken) {
                // The UDP side of this port is in use: try another.
            }
        }
        throw new IOException("no free port for dnsmasq");
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
