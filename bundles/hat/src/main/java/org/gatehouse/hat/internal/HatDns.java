package org.gatehouse.hat.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HAT's DNS questions, asked with dnsjava of the configured server (or the system resolver)
 * and cached: the client's forward-confirmed PTR name, and whether it is listed in a DNS list.
 * A timeout or failure is an answer ("no PTR", "not listed"), never an exception to the caller.
 */
final class HatDns implements HostLookups {

    private static final Logger LOG = LoggerFactory.getLogger(HatDns.class);
    private static final int CACHE_SIZE = 50_000;

    private final Resolver resolver;
    private final TtlCache<InetAddress, ReverseDnsName> reverse;
    /** Answers in flight are cached too, so a prefetch and the group that needs it share one query. */
    private final TtlCache<String, CompletableFuture<Boolean>> listings;
    private final Duration timeout;

    HatDns(String server, Duration timeout, Duration cacheTtl, Clock clock) {
        this.resolver = resolver(server, timeout);
        this.reverse = new TtlCache<>(clock, cacheTtl.toMillis(), CACHE_SIZE);
        this.listings = new TtlCache<>(clock, cacheTtl.toMillis(), CACHE_SIZE);
        this.timeout = timeout;
    }

    private static Resolver resolver(String server, Duration timeout) {
        Resolver r;
        if (server == null || server.isBlank()) {
            ExtendedResolver system = new ExtendedResolver();
            system.setRetries(1);
            r = system;
        } else {
            String host = server.trim();
            int port = 53;
            int colon = host.lastIndexOf(':');
            if (colon > 0 && (host.indexOf(':') == colon || host.startsWith("["))) {
                port = Integer.parseInt(host.substring(colon + 1));
                host = host.substring(0, colon);
            }
            host = host.replace("[", "").replace("]", "");
            try {
                SimpleResolver simple = new SimpleResolver(host);
                simple.setPort(port);
                r = simple;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("dns.server '" + server + "' cannot be resolved", e);
            }
        }
        r.setTimeout(timeout);
        return r;
    }

    /** The PTR name of the address and whether it resolves back to it; {@link ReverseDnsName#NONE} on any failure. */
    @Override
    public ReverseDnsName reverseName(InetAddress address) {
        return reverse.get(address, this::lookUpReverse);
    }

    /** True when {@code <reversed address>.<zone>} has an A record. */
    @Override
    public boolean listed(InetAddress address, String zone) {
        return listing(address, zone).join();
    }

    /** Asks now, without waiting: the decision goes on with reverse DNS meanwhile. */
    @Override
    public void prefetchListing(InetAddress address, String zone) {
        listing(address, zone);
    }

    private CompletableFuture<Boolean> listing(InetAddress address, String zone) {
        return listings.get(zone + " " + address.getHostAddress(), k -> lookUpListing(address, zone));
    }

    private ReverseDnsName lookUpReverse(InetAddress address) {
        try {
            List<Record> ptrs = ask(ReverseMap.fromAddress(address), Type.PTR);
            for (Record r : ptrs) {
                if (r instanceof PTRRecord ptr) {
                    Name target = ptr.getTarget();
                    String name = target.toString(true).toLowerCase(Locale.ROOT);
                    return new ReverseDnsName(name, resolvesTo(target, address));
                }
            }
            return ReverseDnsName.NONE;
        } catch (IOException e) {
            LOG.debug("Reverse DNS of {} failed: {}", address.getHostAddress(), e.toString());
            return ReverseDnsName.NONE;
        }
    }

    private boolean resolvesTo(Name name, InetAddress address) throws IOException {
        boolean v4 = address instanceof Inet4Address;
        for (Record r : ask(name, v4 ? Type.A : Type.AAAA)) {
            InetAddress a = r instanceof ARecord ar ? ar.getAddress() : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
            if (address.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** Completes with the answer; a timeout or failure completes with "not listed". */
    private CompletableFuture<Boolean> lookUpListing(InetAddress address, String zone) {
        Name query;
        try {
            query = Name.fromString(reversed(address) + "." + zone + ".");
        } catch (TextParseException e) {
            LOG.debug("DNS list query for {} in {} is not a valid name: {}", address.getHostAddress(), zone, e.toString());
            return CompletableFuture.completedFuture(false);
        }
        return resolver.sendAsync(Message.newQuery(Record.newRecord(query, Type.A, DClass.IN))).toCompletableFuture()
                .orTimeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
                .thenApply(r -> r.getRcode() == Rcode.NOERROR
                        && r.getSection(Section.ANSWER).stream().anyMatch(ARecord.class::isInstance))
                .exceptionally(e -> {
                    LOG.debug("DNS list {} lookup of {} failed: {}", zone, address.getHostAddress(), e.toString());
                    return false;
                });
    }

    /** {@code 2.0.0.127} for 127.0.0.2; nibbles for IPv6, as DNS lists expect. */
    static String reversed(InetAddress address) {
        String arpa = ReverseMap.fromAddress(address).toString(true);
        return arpa.substring(0, arpa.lastIndexOf(address instanceof Inet4Address ? ".in-addr.arpa" : ".ip6.arpa"));
    }

    private List<Record> ask(Name name, int type) throws IOException {
        Message response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
        if (response.getRcode() != Rcode.NOERROR) {
            return List.of();
        }
        return response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }
}
