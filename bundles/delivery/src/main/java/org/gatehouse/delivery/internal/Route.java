package org.gatehouse.delivery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SMTP route: mail for {@code domain} ({@code example.com}, {@code .example.com} for its
 * subdomains, or {@code ALL}) goes to these hosts, to the domain's MX ({@code USEDNS}) or
 * nowhere ({@code /dev/null}).
 */
public record Route(String domain, List<RouteHost> hosts, Kind kind) {

    public static final String ALL = "ALL";

    public enum Kind { HOSTS, USEDNS, DROP }

    public Route {
        hosts = List.copyOf(hosts);
    }

    /** Reads a route as configured: {@code hosts} is a comma list, {@code USEDNS} or {@code /dev/null}. */
    public static Route parse(String domain, String hosts) {
        String match = domain.trim();
        if (match.isEmpty()) {
            throw new IllegalArgumentException("An SMTP route needs a domain");
        }
        match = match.equalsIgnoreCase(ALL) ? ALL : match.toLowerCase(Locale.ROOT);
        List<RouteHost> parsed = new ArrayList<>();
        for (String part : hosts.split(",")) {
            String host = part.trim();
            if (host.isEmpty()) {
                continue;
            }
            if (host.equalsIgnoreCase("USEDNS")) {
                return new Route(match, List.of(), Kind.USEDNS);
            }
            if (host.equals("/dev/null")) {
                return new Route(match, List.of(), Kind.DROP);
            }
            parsed.add(RouteHost.parse(host));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("SMTP route for " + domain + " names no host");
        }
        return new Route(match, parsed, Kind.HOSTS);
    }

    /** The hosts as an admin would type them. */
    public String hostsText() {
        return switch (kind) {
            case USEDNS -> "USEDNS";
            case DROP -> "/dev/null";
            case HOSTS -> String.join(", ", hosts.stream().map(RouteHost::toString).toList());
        };
    }
}
