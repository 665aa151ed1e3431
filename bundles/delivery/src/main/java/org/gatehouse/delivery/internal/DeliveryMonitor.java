package org.gatehouse.delivery.internal;

import java.time.Instant;
import java.util.List;

/** What the console shows about delivery (the delivery component provides it as a service). */
public interface DeliveryMonitor {

    /** An SMTP route as configured. */
    record RouteView(String domain, String hosts) {
    }

    /** One destination domain right now. */
    record DestinationView(String domain, int activeConnections, int idleConnections, int queued) {
    }

    /** One message with recipients waiting for delivery. */
    record WaitingView(long mid, int recipients, Instant nextRetry) {
    }

    List<RouteView> routes();

    List<DestinationView> destinations();

    List<WaitingView> waiting();
}
