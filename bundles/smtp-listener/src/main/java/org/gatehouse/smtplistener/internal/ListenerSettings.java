package org.gatehouse.smtplistener.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A listener's configuration, checked and converted once at activation.
 *
 * @param tlsKeystore where the PKCS#12 key store is read from (or generated into)
 * @param tlsClientCa PEM file of the CAs that sign client certificates, or null when none is configured
 */
record ListenerSettings(String name, ListenerType type, String address, int port, int maxConnections,
                        int backlog, String defaultDomain, String hostname, long maxMessageSize,
                        int idleTimeoutSeconds, int dataTimeoutSeconds, int maxErrors,
                        boolean receivedHeader, Set<String> acceptDomains, NetworkList relayNetworks,
                        Path tlsKeystore, String tlsPassword, int spoolWaitSeconds, Path tlsClientCa,
                        boolean authAllowCleartext, int authMaxFailures, int authFailureDelayMillis) {

    /** File name of the generated self-signed certificate's key store. */
    static final String GENERATED_KEYSTORE = "gatehouse-tls.p12";

    /**
     * Converts the metatype configuration.
     *
     * @param keystoreDirectory where the generated key store goes when tls.keystore is empty
     *                          (${karaf.etc} in Karaf, a temporary directory in tests)
     */
    static ListenerSettings from(ListenerConfig c, Path keystoreDirectory) {
        String name = c.name() == null || c.name().isBlank() ? "public" : c.name().trim();
        Set<String> domains = Arrays.stream(c.accept_domains() == null ? new String[0] : c.accept_domains().split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Path keystore = c.tls_keystore() == null || c.tls_keystore().isBlank()
                ? keystoreDirectory.resolve(GENERATED_KEYSTORE) : Path.of(c.tls_keystore().trim());
        return new ListenerSettings(name, ListenerType.parse(c.type()), c.address().trim(), require(c.port(), 0, "port"),
                require(c.max_connections(), 1, "max.connections"), require(c.backlog(), 1, "backlog"),
                c.default_domain() == null ? "" : c.default_domain().trim().toLowerCase(Locale.ROOT),
                c.hostname() == null || c.hostname().isBlank() ? localHostName() : c.hostname().trim(),
                Math.max(1, c.max_message_size()), require(c.idle_timeout_seconds(), 1, "idle.timeout.seconds"),
                require(c.data_timeout_seconds(), 1, "data.timeout.seconds"), require(c.max_errors(), 1, "max.errors"),
                c.received_header(), domains, NetworkList.parse(c.relay_networks()), keystore,
                c.tls_password() == null ? "" : c.tls_password(), require(c.spool_wait_seconds(), 0, "spool.wait.seconds"),
                c.tls_client_ca() == null || c.tls_client_ca().isBlank() ? null : Path.of(c.tls_client_ca().trim()),
                c.auth_allow_cleartext(), require(c.auth_max_failures(), 1, "auth.max.failures"),
                require(c.auth_failure_delay_millis(), 0, "auth.failure.delay.millis"));
    }

    private static int require(int value, int min, String key) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
