package org.gatehouse.queue.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.MessageStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline stages registered as services, in {@code gatehouse.stage.order} (never
 * {@code service.ranking}). Fail closed: when a stage goes away (its bundle being updated), the
 * work queue waits up to a grace period for a stage of that name to come back rather than let
 * messages through unscanned.
 */
final class StageRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(StageRegistry.class);

    /** One registered stage and the service properties the core needs. */
    record Stage(MessageStage service, String name, int order, boolean quarantineOnError, long serviceId) {
    }

    private static final Comparator<Stage> ORDER =
            Comparator.comparingInt(Stage::order).thenComparingLong(Stage::serviceId);

    private final long graceNanos;
    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, Long> missingUntil = new HashMap<>();
    private boolean closed;

    StageRegistry(long graceMillis) {
        this.graceNanos = graceMillis * 1_000_000L;
    }

    synchronized void add(MessageStage service, Map<String, ?> props) {
        Stage stage = describe(service, props);
        stages.removeIf(s -> s.service == service);
        stages.add(stage);
        stages.sort(ORDER);
        missingUntil.remove(stage.name);
        notifyAll();
    }

    /** A stage left. Unless its properties merely changed, messages wait a while for it. */
    synchronized void remove(MessageStage service) {
        for (Stage s : List.copyOf(stages)) {
            if (s.service == service) {
                stages.remove(s);
                if (graceNanos > 0 && !closed) {
                    missingUntil.put(s.name, System.nanoTime() + graceNanos);
                    LOG.info("Stage {} went away; messages wait up to {} s for it to come back", s.name,
                            graceNanos / 1_000_000_000L);
                }
            }
        }
    }

    synchronized void update(MessageStage service, Map<String, ?> props) {
        add(service, props);
    }

    /** The stages to run, in order; waits while a departed stage may still return. Null once closed. */
    synchronized List<Stage> awaitComplete() throws InterruptedException {
        while (!closed) {
            long now = System.nanoTime();
            missingUntil.values().removeIf(until -> until - now <= 0);
            if (missingUntil.isEmpty()) {
                return List.copyOf(stages);
            }
            long wait = missingUntil.values().stream().mapToLong(until -> until - now).min().orElse(1);
            long millis = Math.max(1, wait / 1_000_000L);
            wait(millis);
        }
        return null;
    }

    synchronized List<Stage> current() {
        return List.copyOf(stages);
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** No stage runs from now on (the queue is stopping). */
    synchronized boolean closed() {
        return closed;
    }

    static Stage describe(MessageStage service, Map<String, ?> props) {
        Object name = props.get(MessageStage.NAME);
        Object order = props.get(MessageStage.ORDER);
        Object onError = props.get(MessageStage.ON_ERROR);
        Object id = props.get("service.id");
        String stageName = name == null ? service.getClass().getSimpleName() : name.toString();
        int stageOrder;
        if (order instanceof Number n) {
            stageOrder = n.intValue();
        } else if (order != null) {
            try {
                stageOrder = Integer.parseInt(order.toString().trim());
            } catch (NumberFormatException e) {
                LOG.warn("Stage {} has a bad {} '{}'; it runs last", stageName, MessageStage.ORDER, order);
                stageOrder = Integer.MAX_VALUE;
            }
        } else {
            LOG.warn("Stage {} has no {}; it runs last", stageName, MessageStage.ORDER);
            stageOrder = Integer.MAX_VALUE;
        }
        boolean quarantine = onError != null && "quarantine".equalsIgnoreCase(onError.toString().trim());
        long serviceId = id instanceof Number n ? n.longValue() : 0L;
        return new Stage(service, stageName, stageOrder, quarantine, serviceId);
    }
}
