package org.gatehouse.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NextHopResolverTest {

    private TinyDns dns;
    private RouteTable routes = RouteTable.EMPTY;
    private NextHopResolver resolver;

    @BeforeEach
    void start() throws IOException {
        dns = new TinyDns();
        DnsjavaLookup lookup = new DnsjavaLookup(List.of(dns.server()), Duration.ofSeconds(2));
        resolver = new NextHopResolver(() -> routes, lookup, 25, new Random(7));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private List<String> names(Resolution resolution) {
        return assertInstanceOf(Resolution.Hosts.class, resolution).hops().stream()
                .map(h -> h.name() + "/" + h.address().getHostAddress()).toList();
    }

    @Test
    void mxInPreferenceOrder() throws IOException {
        dns.mx("example.test", 20, "mx3.example.test").mx("example.test", 5, "mx1.example.test")
                .mx("example.test", 10, "mx2.example.test")
                .a("mx1.example.test", "192.0.2.1").a("mx2.example.test", "192.0.2.2")
                .a("mx3.example.test", "192.0.2.3");
        assertEquals(List.of("mx1.example.test/192.0.2.1", "mx2.example.test/192.0.2.2",
                "mx3.example.test/192.0.2.3"), names(resolver.resolve("example.test")));
    }

    @Test
    void equalPreferencesComeInRandomOrderBeforeWorseOnes() throws IOException {
        dns.mx("spread.test", 10, "a.spread.test").mx("spread.test", 10, "b.spread.test")
                .mx("spread.test", 20, "c.spread.test")
                .a("a.spread.test", "192.0.2.10").a("b.spread.test", "192.0.2.11").a("c.spread.test", "192.0.2.12");
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            List<String> order = names(resolver.resolve("spread.test"));
            assertEquals("c.spread.test/192.0.2.12", order.get(2));
            firsts.add(order.get(0));
        }
        assertEquals(Set.of("a.spread.test/192.0.2.10", "b.spread.test/192.0.2.11"), firsts);
    }

    @Test
    void nullMxFailsForGood() throws IOException {
        dns.mx("nomail.test", 0, ".");
        Resolution.Failure failure = assertInstanceOf(Resolution.Failure.class, resolver.resolve("nomail.test"));
        assertEquals(556, failure.reply().code());
        assertEquals("5.1.10", failure.reply().status());
    }

    @Test
    void noMxFallsBackToTheDomainsAddress() throws IOException {
        dns.a("plain.test", "192.0.2.20");
        assertEquals(List.of("plain.test/192.0.2.20"), names(resolver.resolve("plain.test")));
    }

    @Test
    void missingDomainFailsForGood() {
        Resolution.Failure failure = assertInstanceOf(Resolution.Failure.class, resolver.resolve("nowhere.test"));
        assertTrue(failure.reply().permanentFailure(), failure.reply().toString());
        assertEquals("5.1.2", failure.reply().status());
    }

    @Test
    void dnsTroubleIsTemporary() {
        dns.broken("flaky.test");
        Resolution.Failure failure = assertInstanceOf(Resolution.Failure.class, resolver.resolve("flaky.test"));
        assertTrue(failure.reply().transientFailure(), failure.reply().toString());
    }

    @Test
    void mxHostsWithoutAddressesAreSkipped() throws IOException {
        dns.mx("half.test", 10, "gone.half.test").mx("half.test", 20, "ok.half.test").a("ok.half.test", "192.0.2.30");
        assertEquals(List.of("ok.half.test/192.0.2.30"), names(resolver.resolve("half.test")));
    }

    @Test
    void addressLiteralsNeedNoDns() {
        assertEquals(List.of("192.0.2.7/192.0.2.7"), names(resolver.resolve("[192.0.2.7]")));
        assertEquals(List.of("2001:db8::7/2001:db8:0:0:0:0:0:7"), names(resolver.resolve("[IPv6:2001:db8::7]")));
        assertTrue(assertInstanceOf(Resolution.Failure.class, resolver.resolve("[ab.cd]")).reply().permanentFailure());
        assertTrue(assertInstanceOf(Resolution.Failure.class, resolver.resolve("[not.an.ip]"))
                .reply().permanentFailure());
        assertTrue(assertInstanceOf(Resolution.Failure.class, resolver.resolve("")).reply().permanentFailure());
    }

    @Test
    void routesComeBeforeDnsInPriorityOrder() throws IOException {
        routes = new RouteTable(List.of(
                Route.parse("routed.test", "backup.test:2526/20, primary.test:2525/10"),
                Route.parse(".routed.test", "sub.test"),
                Route.parse("ALL", "smarthost.test:587"),
                Route.parse("dns.test", "USEDNS"),
                Route.parse("void.test", "/dev/null")));
        dns.mx("dns.test", 10, "mx.dns.test").a("mx.dns.test", "192.0.2.40");
        Resolution.Hosts routed = assertInstanceOf(Resolution.Hosts.class, resolver.resolve("routed.test"));
        assertEquals(List.of(new NextHop("primary.test", null, 2525), new NextHop("backup.test", null, 2526)),
                routed.hops());
        assertEquals("sub.test", ((Resolution.Hosts) resolver.resolve("a.routed.test")).hops().get(0).name());
        assertEquals(new NextHop("smarthost.test", null, 587),
                ((Resolution.Hosts) resolver.resolve("other.org")).hops().get(0));
        assertEquals(List.of("mx.dns.test/192.0.2.40"), names(resolver.resolve("dns.test")));
        assertInstanceOf(Resolution.Drop.class, resolver.resolve("void.test"));
    }
}
