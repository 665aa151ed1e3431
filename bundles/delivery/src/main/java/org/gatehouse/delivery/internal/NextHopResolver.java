package org.gatehouse.delivery.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Turns a destination domain into the hosts to try: the SMTP route that matches, else the
 * domain's MX records (RFC 5321 5.1) with the implicit MX (its own A/AAAA) when it has none.
 * Lower priority first; hosts of equal priority in random order so load spreads.
 */
final class NextHopResolver {

    /** Like Postfix's smtp_mx_address_limit: a domain with 50 MX addresses gets 10 tries. */
    static final int MAX_ADDRESSES = 10;

    private final Supplier<RouteTable> routes;
    private final DnsLookup dns;
    private final int smtpPort;
    private final Random random;

    NextHopResolver(Supplier<RouteTable> routes, DnsLookup dns, int smtpPort, Random random) {
        this.routes = routes;
        this.dns = dns;
        this.smtpPort = smtpPort;
        this.random = random;
    }

    Resolution resolve(String domain) {
        Optional<Route> route = routes.get().find(domain);
        if (route.isPresent()) {
            switch (route.get().kind()) {
                case DROP:
                    return new Resolution.Drop(domain);
                case HOSTS:
                    List<RouteHost> hosts = byPriority(route.get().hosts(), RouteHost::priority);
                    return new Resolution.Hosts(hosts.stream()
                            .map(h -> new NextHop(h.host(), null, h.port())).toList());
                case USEDNS:
                default:
                    break;
            }
        }
        if (domain.startsWith("[") && domain.endsWith("]")) {
            return addressLiteral(domain);
        }
        if (domain.isEmpty()) {
            return new Resolution.Failure(SmtpReply.local(550, "5.1.3 Recipient address has no domain"));
        }
        return resolveMx(domain);
    }

    /** {@code user@[192.0.2.1]} or {@code user@[IPv6:2001:db8::1]} (RFC 5321 4.1.3): no DNS. */
    private Resolution addressLiteral(String domain) {
        String literal = domain.substring(1, domain.length() - 1);
        if (literal.regionMatches(true, 0, "IPv6:", 0, 5)) {
            literal = literal.substring(5);
        }
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*")) {
            return new Resolution.Failure(SmtpReply.local(550, "5.1.2 Bad address literal " + domain));
        }
        try {
            // Only digits, dots and colons get here, so this parses and never asks DNS.
            return new Resolution.Hosts(List.of(new NextHop(literal, InetAddress.getByName(literal), smtpPort)));
        } catch (java.net.UnknownHostException e) {
            return new Resolution.Failure(SmtpReply.local(550, "5.1.2 Bad address literal " + domain));
        }
    }

    private Resolution resolveMx(String domain) {
        List<DnsLookup.Mx> mxs;
        try {
            mxs = dns.mx(domain);
        } catch (DnsLookup.DnsFailure e) {
            return failure(e, "5.1.2", "4.4.3");
        }
        if (mxs.stream().anyMatch(DnsLookup.Mx::nullMx)) {
            return new Resolution.Failure(SmtpReply.local(556,
                    "5.1.10 Domain " + domain + " accepts no mail (null MX)"));
        }
        if (mxs.isEmpty()) {
            return implicitMx(domain);
        }
        List<NextHop> hops = new ArrayList<>();
        DnsLookup.DnsFailure lastFailure = null;
        for (DnsLookup.Mx mx : byPriority(mxs, DnsLookup.Mx::preference)) {
            try {
                addAll(hops, mx.target(), dns.addresses(mx.target()));
            } catch (DnsLookup.DnsFailure e) {
                lastFailure = e;
            }
            if (hops.size() >= MAX_ADDRESSES) {
                break;
            }
        }
        if (!hops.isEmpty()) {
            return new Resolution.Hosts(hops.subList(0, Math.min(hops.size(), MAX_ADDRESSES)));
        }
        if (lastFailure != null && !lastFailure.permanent()) {
            return failure(lastFailure, "5.4.4", "4.4.3");
        }
        return new Resolution.Failure(SmtpReply.local(550,
                "5.4.4 No address found for any MX host of " + domain));
    }

    private Resolution implicitMx(String domain) {
        try {
            List<NextHop> hops = new ArrayList<>();
            addAll(hops, domain, dns.addresses(domain));
            if (hops.isEmpty()) {
                return new Resolution.Failure(SmtpReply.local(550,
                        "5.1.2 Domain " + domain + " has no MX and no A/AAAA record"));
            }
            return new Resolution.Hosts(hops.subList(0, Math.min(hops.size(), MAX_ADDRESSES)));
        } catch (DnsLookup.DnsFailure e) {
            return failure(e, "5.1.2", "4.4.3");
        }
    }

    private void addAll(List<NextHop> hops, String name, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            hops.add(new NextHop(name, address, smtpPort));
        }
    }

    private static Resolution failure(DnsLookup.DnsFailure e, String permanentStatus, String transientStatus) {
        return new Resolution.Failure(e.permanent()
                ? SmtpReply.local(550, permanentStatus + " " + e.getMessage())
                : SmtpReply.local(451, transientStatus + " " + e.getMessage()));
    }

    /** Sorted by priority, shuffled within each priority. */
    private <T> List<T> byPriority(List<T> items, ToIntFunction<T> priority) {
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, random);
        shuffled.sort(Comparator.comparingInt(priority));
        return shuffled;
    }
}
