package org.gatehouse.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            Route.parse("example.com", "10.0.0.1"),
            Route.parse(".example.com", "10.0.0.2:2525"),
            Route.parse("deep.sub.example.com", "10.0.0.3"),
            Route.parse(".sub.example.com", "10.0.0.4"),
            Route.parse("ALL", "10.0.0.9/5"),
            Route.parse("void.test", "/dev/null"),
            Route.parse("dns.test", "USEDNS")));

    private String host(String domain) {
        return table.find(domain).orElseThrow().hosts().get(0).host();
    }

    @Test
    void exactDomainFirst() {
        assertEquals("10.0.0.1", host("example.com"));
        assertEquals("10.0.0.1", host("EXAMPLE.com."));
        assertEquals("10.0.0.3", host("deep.sub.example.com"));
    }

    @Test
    void dotEntryCoversSubdomainsNearestFirst() {
        assertEquals("10.0.0.2", host("mail.example.com"));
        assertEquals("10.0.0.4", host("x.sub.example.com"));
        assertEquals("10.0.0.4", host("a.b.sub.example.com"));
    }

    @Test
    void allCatchesTheRest() {
        assertEquals("10.0.0.9", host("other.org"));
        assertEquals("10.0.0.9", host("notexample.com"));
        assertTrue(new RouteTable(List.of(Route.parse("a.test", "h"))).find("b.test").isEmpty());
    }

    @Test
    void specialRoutes() {
        assertEquals(Route.Kind.DROP, table.find("void.test").orElseThrow().kind());
        assertEquals(Route.Kind.USEDNS, table.find("dns.test").orElseThrow().kind());
    }

    @Test
    void parsesHostsPortsAndPriorities() {
        Route route = Route.parse("Example.COM", "mx1.example.com:2526/20, 10.1.1.1/10,[2001:db8::1]:587, mx2");
        assertEquals("example.com", route.domain());
        assertEquals(new RouteHost("mx1.example.com", 2526, 20), route.hosts().get(0));
        assertEquals(new RouteHost("10.1.1.1", 25, 10), route.hosts().get(1));
        assertEquals(new RouteHost("2001:db8::1", 587, 0), route.hosts().get(2));
        assertEquals(new RouteHost("mx2", 25, 0), route.hosts().get(3));
        assertEquals("mx1.example.com:2526/20, 10.1.1.1:25/10, [2001:db8::1]:587/0, mx2:25/0", route.hostsText());
        assertThrows(IllegalArgumentException.class, () -> Route.parse("a.test", " , "));
        assertThrows(IllegalArgumentException.class, () -> Route.parse("a.test", "h:0"));
    }

    @Test
    void listsAllLast() {
        List<Route> routes = table.routes();
        assertEquals("ALL", routes.get(routes.size() - 1).domain());
    }
}
