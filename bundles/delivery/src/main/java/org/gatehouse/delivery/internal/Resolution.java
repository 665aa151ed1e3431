package org.gatehouse.delivery.internal;

import java.util.List;

/** Where mail for one destination domain goes, as routes and DNS say. */
sealed interface Resolution {

    /** Try these, in this order. */
    record Hosts(List<NextHop> hops) implements Resolution {
        public Hosts {
            hops = List.copyOf(hops);
        }
    }

    /** The route is {@code /dev/null}: the recipients count as delivered and nothing is sent. */
    record Drop(String domain) implements Resolution {
    }

    /** No host to try: a 4xx reply means try later, a 5xx reply means never. */
    record Failure(SmtpReply reply) implements Resolution {
    }
}
