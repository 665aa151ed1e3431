package org.gatehouse.itests.support;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real DNS server for the suite: dnsmasq (Debian package dnsmasq-base, installed by .ci/run)
 * on a loopback UDP port, serving the test zone below. It is started on the host when Pax Exam
 * asks for the container's configuration, and the HAT and the reputation service are pointed at
 * it, so reverse DNS, DNS lists and reputation zones are answered the way the Internet would.
 * dnsmasq stops with the test JVM (a watching shell), and runs under {@code timeout} besides.
 *
 * <p>Hosts of the zone (loopback addresses a test connects from):
 * <ul>
 *   <li>127.0.0.1: no PTR (like most dial-up space).</li>
 *   <li>127.0.0.5: {@code mx1.partner.test}, forward-confirmed.</li>
 *   <li>127.0.0.6: PTR {@code liar.partner.test}, which does not resolve back: not verified.</li>
 *   <li>127.0.0.7: listed in the DNS block list {@code bl.test}.</li>
 *   <li>127.0.0.8: reputation zone {@code sbrs.test} answers 127.0.0.2 (bad, SBRS -7).</li>
 *   <li>127.0.0.9: reputation zone answers 127.0.0.4 (suspect, SBRS -2).</li>
 *   <li>127.0.0.20: the one mail server of {@code authentic.test} (SPF), which signs with DKIM
 *       selector {@code sel} (the RFC 8032 test key) and publishes DMARC p=reject.</li>
 * </ul>
 */
public final class TestDns {

    public static final String PORT = "gatehouse.it.port.dns";
    public static final String BLOCK_LIST = "bl.test";
    public static final String REPUTATION_ZONE = "sbrs.test";
    /** How the reputation service maps the zone's answers (the zone's own documentation, so to say). */
    public static final String REPUTATION_ZONE_CONFIG = REPUTATION_ZONE + " 127.0.0.2=-7 127.0.0.4=-2";

    /** A domain that does everything right: SPF, DKIM and DMARC p=reject (MailAuthIT). */
    public static final String AUTHENTIC_DOMAIN = "authentic.test";
    /** Its only mail server. */
    public static final String AUTHENTIC_SERVER = "127.0.0.20";
    public static final String AUTHENTIC_SELECTOR = "sel";
    /** The Ed25519 key of RFC 8032 section 7.1, test 1: seed (hex) and the raw public key (base64). */
    public static final String AUTHENTIC_KEY_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public static final String AUTHENTIC_KEY_PUBLIC = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    private static Process dnsmasq;

    private TestDns() {
    }

    /** Starts dnsmasq once per test JVM (host side) and returns its port. */
    public static synchronized int start() throws IOException, InterruptedException {
        int port = TestPorts.get(PORT);
        if (dnsmasq != null) {
            return port;
        }
        Path conf = Files.createTempFile("gatehouse-dns", ".conf");
        conf.toFile().deleteOnExit();
        Files.write(conf, List.of(
                "port=" + port,
                "listen-address=127.0.0.1",
                "bind-interfaces",
                "no-resolv",
                "no-hosts",
                "no-daemon",
                "user=",
                // Authoritative for the test names: unknown ones get NXDOMAIN, not REFUSED.
                "local=/test/",
                "local=/in-addr.arpa/",
                "host-record=mx1.partner.test,127.0.0.5",
                "ptr-record=5.0.0.127.in-addr.arpa,mx1.partner.test",
                "ptr-record=6.0.0.127.in-addr.arpa,liar.partner.test",
                "address=/7.0.0.127." + BLOCK_LIST + "/127.0.0.2",
                "address=/8.0.0.127." + REPUTATION_ZONE + "/127.0.0.2",
                "address=/9.0.0.127." + REPUTATION_ZONE + "/127.0.0.4",
                // Mail authentication (MailAuthIT).
                "txt-record=" + AUTHENTIC_DOMAIN + ",\"v=spf1 ip4:" + AUTHENTIC_SERVER + " -all\"",
                "txt-record=" + AUTHENTIC_SELECTOR + "._domainkey." + AUTHENTIC_DOMAIN + ",\"v=DKIM1; k=ed25519; p="
                        + AUTHENTIC_KEY_PUBLIC + "\"",
                "txt-record=_dmarc." + AUTHENTIC_DOMAIN + ",\"v=DMARC1; p=reject\""));
        // dnsmasq ends with this JVM: failsafe may kill its fork before shutdown hooks run, so a
        // small shell watches our PID and stops dnsmasq within a second of it (30 min at most).
        String watch = "timeout 1800 \"$0\" --conf-file=\"$1\" --log-facility=- & d=$!; trap 'kill $d' TERM; "
                + "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null && kill -0 $d 2>/dev/null; do sleep 1; done; "
                + "kill $d 2>/dev/null; wait $d";
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", watch, dnsmasqCommand(), conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "gatehouse-it-dnsmasq.log"));
        dnsmasq = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDns::stop));
        awaitAnswering(port);
        return port;
    }

    private static String dnsmasqCommand() {
        for (String candidate : List.of("/usr/sbin/dnsmasq", "/usr/bin/dnsmasq")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("dnsmasq is not installed (apt-get install dnsmasq-base; .ci/run does)");
    }

    /** Asks for the block list entry until dnsmasq answers; 10 s at most. */
    private static void awaitAnswering(int port) throws IOException, InterruptedException {
        byte[] query = query("7.0.0.127." + BLOCK_LIST);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(200);
            while (System.nanoTime() < deadline) {
                if (!dnsmasq.isAlive()) {
                    throw new IOException("dnsmasq exited with " + dnsmasq.exitValue()
                            + "; see gatehouse-it-dnsmasq.log in the temp folder");
                }
                socket.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), port));
                try {
                    socket.receive(new DatagramPacket(new byte[512], 512));
                    return;
                } catch (SocketTimeoutException notYet) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
        }
        throw new IOException("dnsmasq did not answer on 127.0.0.1:" + port + " within 10 s");
    }

    /** A minimal DNS query for an A record (RFC 1035 4.1), enough to see the server is up. */
    private static byte[] query(String name) {
        byte[] header = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(header);
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.writeBytes(new byte[] {0, 0, 1, 0, 1});
        return out.toByteArray();
    }

    static synchronized void stop() {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            dnsmasq = null;
        }
    }
}
