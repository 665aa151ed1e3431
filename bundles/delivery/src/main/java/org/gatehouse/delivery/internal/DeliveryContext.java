package org.gatehouse.delivery.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What every destination shares: the worker pool and timer, DNS and routes, connection
 * settings and limits, and where outcomes go.
 *
 * @param workers                  the bounded pool that runs SMTP connections
 * @param timers                   retry and idle-close timers
 * @param stopping                 true once the component deactivates: no new attempts
 * @param emptied                  told when a destination has no work and no connection left
 */
record DeliveryContext(ExecutorService workers, ScheduledExecutorService timers, NextHopResolver resolver,
                       SessionSettings session, Outcomes outcomes, DeliveryLog log, AtomicLong dcids,
                       int maxConnections, int maxMessagesPerConnection, Duration idleTime,
                       BooleanSupplier stopping, Consumer<Destination> emptied) {
}
