package org.gatehouse.delivery.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The delivery configuration as plain values (tests build it directly).
 *
 * @param idleTime   how long a connection waits idle for the next message before QUIT
 * @param smtpPort   the port MX hosts are contacted on (25; tests use their sink's)
 * @param threads    the size of the worker pool, i.e. the most connections at once overall
 * @param startTls   whether to try STARTTLS when offered
 */
record DeliverySettings(String hostname, List<String> dnsServers, Duration connectTimeout, Duration commandTimeout,
                        int maxConnectionsPerDestination, int maxMessagesPerConnection, RetrySchedule retry,
                        String postmaster, Duration idleTime, int smtpPort, int threads, boolean startTls) {

    static final Duration IDLE_TIME = Duration.ofSeconds(5);

    static DeliverySettings from(DeliveryConfig config) {
        String hostname = config.hostname().isBlank() ? localHostName() : config.hostname().trim();
        String postmaster = config.postmaster().isBlank() ? "MAILER-DAEMON@" + hostname : config.postmaster().trim();
        List<String> servers = Arrays.stream(config.dns_servers().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        int perDestination = Math.max(1, config.max_connections_per_destination());
        return new DeliverySettings(hostname, servers,
                Duration.ofSeconds(Math.max(1, config.connect_timeout_seconds())),
                Duration.ofSeconds(Math.max(1, config.command_timeout_seconds())),
                perDestination, Math.max(1, config.max_messages_per_connection()),
                new RetrySchedule(Duration.ofSeconds(Math.max(1, config.bounce_initial_retry_seconds())),
                        Duration.ofSeconds(Math.max(1, config.bounce_max_retry_seconds())),
                        Math.max(1, config.bounce_max_retries()),
                        Duration.ofHours(Math.max(0, config.bounce_max_queue_hours()))),
                postmaster, IDLE_TIME, RouteHost.SMTP_PORT, Math.max(64, 4 * perDestination), true);
    }

    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
