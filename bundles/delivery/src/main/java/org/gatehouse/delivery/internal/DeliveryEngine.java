package org.gatehouse.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocketFactory;

import org.gatehouse.api.DeliveryQueue;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery queue: keeps each message's waiting recipients, hands the due ones to their
 * destination domain's queue and sets a timer for the next retry. Threads come from a bounded
 * pool (connections) and one timer thread; nothing is started per message.
 */
final class DeliveryEngine implements DeliveryQueue, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
    /** How long deactivation waits for transactions in flight. */
    static final Duration DRAIN_TIME = Duration.ofSeconds(30);

    private final Clock clock;
    private final DeliveryLog log;
    private final ConcurrentMap<Long, PendingMessage> messages = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Destination> destinations = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timers;
    private final DeliveryContext context;
    private volatile RouteTable routes = RouteTable.EMPTY;
    private volatile boolean stopping;

    DeliveryEngine(DeliverySettings settings, DnsLookup dns, SSLSocketFactory tls, Supplier<Spool> spool,
                   Supplier<MailLog> mailLog, Clock clock) {
        this.clock = clock;
        this.log = new DeliveryLog(mailLog);
        workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("gatehouse-delivery-"));
        workers.allowCoreThreadTimeOut(true);
        timers = new ScheduledThreadPoolExecutor(1, threads("gatehouse-delivery-timer-"));
        timers.setRemoveOnCancelPolicy(true);
        DsnWriter dsn = new DsnWriter(settings.hostname(), settings.postmaster(), spool, clock);
        Outcomes outcomes = new Outcomes(settings.retry(), dsn, log, clock, this::settle);
        NextHopResolver resolver = new NextHopResolver(() -> routes, dns, settings.smtpPort(), new Random());
        SessionSettings session = new SessionSettings(settings.hostname(), settings.connectTimeout(),
                settings.commandTimeout(), settings.startTls() ? tls : null);
        context = new DeliveryContext(workers, timers, resolver, session, outcomes, log, new AtomicLong(),
                settings.maxConnectionsPerDestination(), settings.maxMessagesPerConnection(),
                settings.idleTime(), () -> stopping, this::emptied);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    void routes(RouteTable table) {
        routes = table;
    }

    RouteTable routes() {
        return routes;
    }

    @Override
    public void enqueue(QueuedMessage message) {
        if (stopping) {
            // The spool keeps it and hands it to the next delivery queue that comes up.
            return;
        }
        PendingMessage pending = messages.compute(message.mid(), (mid, known) -> {
            if (known == null) {
                return new PendingMessage(message);
            }
            known.refresh(message);
            return known;
        });
        dispatch(pending);
    }

    @Override
    public boolean deliverNow(long mid) {
        PendingMessage pending = messages.get(mid);
        if (pending == null) {
            return false;
        }
        pending.dueNow(clock.instant());
        dispatch(pending);
        return true;
    }

    @Override
    public void remove(long mid) {
        PendingMessage pending = messages.remove(mid);
        if (pending != null) {
            pending.remove();
        }
    }

    /** Sends the message's due recipients to their destinations, grouped by domain. */
    private void dispatch(PendingMessage pending) {
        if (stopping) {
            return;
        }
        Map<String, List<Recipient>> byDomain = new LinkedHashMap<>();
        for (Recipient r : pending.takeDue(clock.instant())) {
            byDomain.computeIfAbsent(r.domain(), d -> new ArrayList<>()).add(r);
        }
        byDomain.forEach((domain, rcpts) -> submit(new Delivery(pending, domain, rcpts)));
        settle(pending);
    }

    private void submit(Delivery delivery) {
        destinations.compute(delivery.domain(), (domain, known) -> {
            Destination destination = known != null ? known : new Destination(domain, context);
            destination.submit(delivery);
            return destination;
        });
    }

    /** After an outcome or a dispatch: the message is done, or its next retry gets a timer. */
    private void settle(PendingMessage pending) {
        if (pending.finished()) {
            pending.timer(null);
            if (messages.remove(pending.mid(), pending)) {
                log.finished(pending.mid());
            }
            return;
        }
        Optional<Instant> next = pending.nextRetry();
        if (next.isEmpty() || stopping || pending.removed()) {
            pending.timer(null);
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), next.get()).toMillis());
        try {
            pending.timer(timers.schedule(() -> dispatch(pending), delay, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("Retry timer for MID {} refused while stopping", pending.mid(), e);
        }
    }

    private void emptied(Destination destination) {
        destinations.computeIfPresent(destination.domain(),
                (domain, known) -> known == destination && known.empty() ? null : known);
    }

    List<DeliveryMonitor.DestinationView> destinations() {
        return destinations.values().stream().map(Destination::status)
                .sorted(Comparator.comparing(DeliveryMonitor.DestinationView::domain)).toList();
    }

    List<DeliveryMonitor.WaitingView> waiting() {
        return messages.values().stream()
                .map(p -> new DeliveryMonitor.WaitingView(p.mid(), p.waiting(), p.nextRetry().orElse(null)))
                .sorted(Comparator.comparingLong(DeliveryMonitor.WaitingView::mid)).toList();
    }

    /** Stops new attempts, lets transactions in flight finish (bounded), closes connections. */
    @Override
    public void close() {
        stopping = true;
        timers.shutdownNow();
        workers.shutdown();
        destinations.values().forEach(Destination::closeIdle);
        try {
            if (!workers.awaitTermination(DRAIN_TIME.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Delivery transactions still running after {}; cutting their connections", DRAIN_TIME);
                destinations.values().forEach(Destination::abortBusy);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        destinations.values().forEach(Destination::closeIdle);
    }
}
