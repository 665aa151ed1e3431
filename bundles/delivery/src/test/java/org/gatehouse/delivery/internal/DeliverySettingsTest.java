package org.gatehouse.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    /** The configuration as Config Admin would hand it in, with a few keys set. */
    private static DeliveryConfig config(String hostname, String dnsServers, String postmaster) {
        return new DeliveryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DeliveryConfig.class;
            }

            @Override
            public String hostname() {
                return hostname;
            }

            @Override
            public String dns_servers() {
                return dnsServers;
            }

            @Override
            public int connect_timeout_seconds() {
                return 30;
            }

            @Override
            public int command_timeout_seconds() {
                return 300;
            }

            @Override
            public int max_connections_per_destination() {
                return 20;
            }

            @Override
            public int max_messages_per_connection() {
                return 50;
            }

            @Override
            public int bounce_max_retries() {
                return 100;
            }

            @Override
            public int bounce_max_queue_hours() {
                return 72;
            }

            @Override
            public int bounce_initial_retry_seconds() {
                return 60;
            }

            @Override
            public int bounce_max_retry_seconds() {
                return 3600;
            }

            @Override
            public String postmaster() {
                return postmaster;
            }
        };
    }

    @Test
    void defaultsFollowTheHostname() {
        DeliverySettings settings = DeliverySettings.from(config("gw.example.com", "", ""));
        assertEquals("gw.example.com", settings.hostname());
        assertEquals("MAILER-DAEMON@gw.example.com", settings.postmaster());
        assertEquals(List.of(), settings.dnsServers());
        assertEquals(RetrySchedule.DEFAULT, settings.retry());
        assertEquals(Duration.ofSeconds(300), settings.commandTimeout());
        assertEquals(25, settings.smtpPort());
    }

    @Test
    void blankHostnameMeansTheLocalHost() {
        DeliverySettings settings = DeliverySettings.from(config(" ", "", "postmaster@example.com"));
        assertEquals(DeliverySettings.localHostName(), settings.hostname());
        assertEquals("postmaster@example.com", settings.postmaster());
    }

    @Test
    void dnsServersWithPorts() throws Exception {
        DeliverySettings settings = DeliverySettings.from(config("gw", "127.0.0.1:5353, 10.0.0.53", ""));
        assertEquals(List.of("127.0.0.1:5353", "10.0.0.53"), settings.dnsServers());
        assertEquals(new InetSocketAddress("127.0.0.1", 5353), DnsjavaLookup.parseServer("127.0.0.1:5353"));
        assertEquals(new InetSocketAddress("10.0.0.53", 53), DnsjavaLookup.parseServer("10.0.0.53"));
        assertEquals(new InetSocketAddress("::1", 5353), DnsjavaLookup.parseServer("[::1]:5353"));
    }

    @Test
    void routeComponentParsesItsConfiguration() {
        ConfiguredRoute route = new ConfiguredRoute(route("Example.com", "127.0.0.1:2526"));
        assertEquals(new Route("example.com", List.of(new RouteHost("127.0.0.1", 2526, 0)), Route.Kind.HOSTS),
                route.route());
        assertThrows(IllegalArgumentException.class, () -> new ConfiguredRoute(route("", "h")));
    }

    private static RouteConfig route(String domain, String hosts) {
        return new RouteConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RouteConfig.class;
            }

            @Override
            public String domain() {
                return domain;
            }

            @Override
            public String hosts() {
                return hosts;
            }
        };
    }
}
