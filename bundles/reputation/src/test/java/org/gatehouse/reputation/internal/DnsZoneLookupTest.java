package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zone lookups against a real dnsmasq. */
class DnsZoneLookupTest {

    private static final String V6_NIBBLES = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2";

    @TempDir
    static Path dir;
    static Dnsmasq dnsmasq;

    @BeforeAll
    static void startDnsmasq() throws IOException {
        assumeTrue(Files.isExecutable(Dnsmasq.BINARY), "dnsmasq is installed (apt-get install dnsmasq)");
        dnsmasq = Dnsmasq.start(dir, List.of(
                new String[] {"2.0.0.127.sbrs.test", "127.0.0.2"},
                new String[] {"3.0.0.127.sbrs.test", "127.0.0.10"},
                new String[] {"2.0.0.127.allow.test", "127.0.0.10"},
                new String[] {"4.0.0.127.sbrs.test", "127.255.255.254"},
                new String[] {V6_NIBBLES + ".sbrs.test", "127.0.0.3"}));
    }

    @AfterAll
    static void stopDnsmasq() throws IOException {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    private static final ReputationZone SBRS = ReputationZone.parse("sbrs.test 127.0.0.2=-8.5 127.0.0.3=-4 127.0.0.10=+3");
    private static final ReputationZone ALLOW = ReputationZone.parse("allow.test 127.0.0.10=+2");

    private DnsZoneLookup lookup() throws IOException {
        return new DnsZoneLookup(dnsmasq.server(), Duration.ofMillis(2000));
    }

    @Test
    void listedNotListedAndRefusedZones() throws IOException {
        List<ZoneAnswer> answers = lookup().lookup(IpAddresses.literal("127.0.0.2"),
                List.of(SBRS, ALLOW, ReputationZone.parse("outside.example *=-5")));
        assertEquals(ZoneAnswer.Status.LISTED, answers.get(0).status());
        assertEquals(List.of("127.0.0.2"), answers.get(0).answers());
        assertEquals(-8.5, answers.get(0).score());
        assertEquals(ZoneAnswer.Status.LISTED, answers.get(1).status());
        assertEquals(2.0, answers.get(1).score());
        assertEquals(ZoneAnswer.Status.FAILED, answers.get(2).status(), "a refused query is a failure, not a listing");
        assertEquals("REFUSED", answers.get(2).detail());

        ZoneAnswer stranger = lookup().lookup(IpAddresses.literal("127.0.0.9"), List.of(SBRS)).get(0);
        assertEquals(ZoneAnswer.Status.NOT_LISTED, stranger.status(), "NXDOMAIN means not listed");
    }

    @Test
    void ipv6HostsAreQueriedByNibbles() throws IOException {
        ZoneAnswer answer = lookup().lookup(IpAddresses.literal("2001:db8::1"), List.of(SBRS)).get(0);
        assertEquals(-4.0, answer.score());
    }

    @Test
    void errorAnswersAreNotListings() throws IOException {
        ZoneAnswer answer = lookup().lookup(IpAddresses.literal("127.0.0.4"), List.of(SBRS)).get(0);
        assertEquals(ZoneAnswer.Status.FAILED, answer.status());
        assertTrue(answer.detail().contains("127.255.255.254"));
    }

    @Test
    void engineCombinesRealAnswers() throws IOException {
        TestConfig config = new TestConfig().zones(SBRS.toString(), ALLOW.toString());
        config.dnsServer = dnsmasq.server();
        ReputationEngine engine = new ReputationEngine(config);
        assertEquals(-8.5, engine.score("127.0.0.2"), "the block listing wins over the allow listing");
        assertEquals(3.0, engine.score("127.0.0.3"));
        assertNull(engine.score("127.0.0.9"));
        assertEquals(-4.0, engine.score("2001:db8::1"));
    }

    @Test
    void aDownResolverYieldsNoneWithinTheTimeout() throws IOException {
        int deadPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        TestConfig config = new TestConfig().zones(SBRS.toString(), ALLOW.toString());
        config.dnsServer = "127.0.0.1:" + deadPort;
        config.dnsTimeoutMillis = 300;
        ReputationEngine engine = new ReputationEngine(config);
        long start = System.nanoTime();
        Reputation.Explanation why = engine.explain("127.0.0.2");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertNull(why.score());
        assertTrue(why.zones().stream().allMatch(z -> z.status() == ZoneAnswer.Status.FAILED), why.zones().toString());
        assertTrue(millis < 1500, "took " + millis + " ms");
    }

    @Test
    void commandLineToolPrintsEachZoneAndTheScore() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SbrsTool.run(new String[] {"--server", dnsmasq.server(), "--zone", SBRS.toString(), "127.0.0.2", "127.0.0.9"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("127.0.0.2 sbrs.test: listed 127.0.0.2 (-8.5)\n127.0.0.2 SBRS -8.5\n"
                + "127.0.0.9 sbrs.test: not listed\n127.0.0.9 SBRS none\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(2, SbrsTool.run(new String[] {"127.0.0.2"}, new PrintStream(out), new PrintStream(err)));
    }
}
