package org.gatehouse.delivery.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SMTP routes in force (immutable). A domain matches its exact entry first, then the
 * nearest {@code .parent} entry (so {@code .example.com} covers {@code a.b.example.com} but not
 * {@code example.com} itself), then {@code ALL}.
 */
final class RouteTable {

    static final RouteTable EMPTY = new RouteTable(List.of());

    private final Map<String, Route> byDomain = new HashMap<>();

    RouteTable(Collection<Route> routes) {
        for (Route route : routes) {
            // Two configurations for one domain: the first one wins, as listed.
            byDomain.putIfAbsent(route.domain(), route);
        }
    }

    Optional<Route> find(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        Route exact = byDomain.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            Route parent = byDomain.get(name.substring(dot));
            if (parent != null) {
                return Optional.of(parent);
            }
        }
        return Optional.ofNullable(byDomain.get(Route.ALL));
    }

    /** All routes, by domain, {@code ALL} last. */
    List<Route> routes() {
        return byDomain.values().stream()
                .sorted(Comparator.comparing((Route r) -> r.domain().equals(Route.ALL))
                        .thenComparing(Route::domain))
                .toList();
    }
}
