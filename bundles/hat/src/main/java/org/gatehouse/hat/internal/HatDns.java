package org.gatehouse.hat.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.Message;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SimpleResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HAT's DNS questions, asked of the configured server (or the system's) and cached: the
 * client's forward-confirmed PTR name, and whether it is listed in a DNS list. A decision asks
 * them all at once on one socket ({@link HostQuestions}); a timeout or failure is an answer ("no
 * PTR", "not listed"), never an exception to the caller.
 */
final class HatDns implements HostLookups {

    private static final Logger LOG = LoggerFactory.getLogger(HatDns.class);
    private static final int CACHE_SIZE = 50_000;

    private final List<InetSocketAddress> servers;
    private final long timeoutMillis;
    private final TtlCache<InetAddress, ReverseDnsName> reverse;
    private final TtlCache<String, Boolean> listings;
    private final Map<InetSocketAddress, SimpleResolver> tcpResolvers = new ConcurrentHashMap<>();

    HatDns(String server, Duration timeout, Duration cacheTtl, Clock clock) {
        this.servers = servers(server);
        this.timeoutMillis = timeout.toMillis();
        this.reverse = new TtlCache<>(clock, cacheTtl.toMillis(), CACHE_SIZE);
        this.listings = new TtlCache<>(clock, cacheTtl.toMillis(), CACHE_SIZE);
    }

    /** {@code host[:port]} or {@code [v6]:port}; blank means the system's resolvers. */
    private static List<InetSocketAddress> servers(String server) {
        if (server == null || server.isBlank()) {
            List<InetSocketAddress> system = ResolverConfig.getCurrentConfig().servers();
            return system.isEmpty() ? List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53)) : List.copyOf(system);
        }
        String host = server.trim();
        int port = 53;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && (host.indexOf(':') == colon || host.startsWith("["))) {
            port = Integer.parseInt(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        host = host.replace("[", "").replace("]", "");
        try {
            return List.of(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("dns.server '" + server + "' cannot be resolved", e);
        }
    }

    @Override
    public HostAnswers ask(InetAddress address, Collection<String> zones) {
        DnsExchange exchange;
        try {
            exchange = new DnsExchange(servers, timeoutMillis, this::askOverTcp);
        } catch (IOException e) {
            LOG.warn("No socket for DNS questions about {}: {}", address.getHostAddress(), e.toString());
            exchange = null;
        }
        return new HostQuestions(exchange, address, zones, reverse, listings);
    }

    /** The PTR name of the address and whether it resolves back to it; {@link ReverseDnsName#NONE} on any failure. */
    @Override
    public ReverseDnsName reverseName(InetAddress address) {
        try (HostAnswers answers = ask(address, List.of())) {
            return answers.reverseName();
        }
    }

    /** True when {@code <reversed address>.<zone>} has an A record. */
    @Override
    public boolean listed(InetAddress address, String zone) {
        try (HostAnswers answers = ask(address, List.of(zone))) {
            return answers.listed(zone);
        }
    }

    private Message askOverTcp(InetSocketAddress server, Message query) throws IOException {
        SimpleResolver tcp = tcpResolvers.computeIfAbsent(server, s -> {
            SimpleResolver r = new SimpleResolver(s);
            r.setTCP(true);
            r.setTimeout(Duration.ofMillis(timeoutMillis));
            return r;
        });
        return tcp.send(query);
    }

    /** {@code 2.0.0.127} for 127.0.0.2; nibbles for IPv6, as DNS lists expect. */
    static String reversed(InetAddress address) {
        String arpa = ReverseMap.fromAddress(address).toString(true);
        return arpa.substring(0, arpa.lastIndexOf(address instanceof Inet4Address ? ".in-addr.arpa" : ".ip6.arpa"));
    }
}
