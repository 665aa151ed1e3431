package org.gatehouse.queue.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

import org.gatehouse.api.Licences;
import org.gatehouse.api.MessageStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline stages registered as services, in {@code gatehouse.stage.order} (never
 * {@code service.ranking}), and the stages messages must wait for. Fail closed: a stage that
 * went away (its bundle being updated, or not yet started after a restart) is waited for while
 * its feature is licensed; a stage no key gates, or one whose licensing cannot be asked right
 * now, is waited for up to the grace period. A disabled or unlicensed stage is not expected.
 */
final class StageRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(StageRegistry.class);
    /** Waiting workers look again this often: licences and grace periods change without a call. */
    private static final long RECHECK_MILLIS = 500;
    /** How long a leaving stage's unbind waits for the messages inside it (a scan's own limit is 60 s). */
    static final long DRAIN_MILLIS = 30_000;

    /** One registered stage and the service properties the core needs. */
    record Stage(MessageStage service, String name, int order, boolean quarantineOnError, long serviceId,
                 String feature, boolean enabled, String version, boolean observer) {
    }

    private static final Comparator<Stage> ORDER =
            Comparator.comparingInt(Stage::order).thenComparingLong(Stage::serviceId);

    private final long graceNanos;
    private final KnownStages known;
    private final List<Stage> stages = new ArrayList<>();
    /** The enabled stages in order: what every message runs, kept ready rather than rebuilt per message. */
    private List<Stage> running = List.of();
    /** Known stages not registered now, with the System.nanoTime they went away (or the start). */
    private final Map<String, Long> absentSince = new HashMap<>();
    private Licences licences;
    private boolean closed;
    /** Messages inside each stage right now: a leaving stage is let go only once they are out. */
    private final Map<MessageStage, Integer> inFlight = new IdentityHashMap<>();

    StageRegistry(long graceMillis, KnownStages known) {
        this.graceNanos = graceMillis * 1_000_000L;
        this.known = known;
        long now = System.nanoTime();
        known.all().forEach(k -> absentSince.put(k.name(), now));
    }

    synchronized void add(MessageStage service, Map<String, ?> props, String version) {
        Stage stage = StageProperties.describe(service, props, version);
        stages.removeIf(s -> s.service == service);
        stages.add(stage);
        stages.sort(ORDER);
        running = stages.stream().filter(Stage::enabled).toList();
        absentSince.remove(stage.name);
        known.remember(new KnownStages.Known(stage.name, stage.feature, stage.enabled, stage.order));
        notifyAll();
    }

    /**
     * A message is about to enter the stage: false when the stage has left since the chain was
     * read (its component is being deactivated: it must not be called any more).
     */
    synchronized boolean enter(Stage stage) {
        if (stages.stream().noneMatch(s -> s.service == stage.service)) {
            return false;
        }
        inFlight.merge(stage.service, 1, Integer::sum);
        return true;
    }

    synchronized void leave(Stage stage) {
        if (inFlight.merge(stage.service, -1, Integer::sum) <= 0) {
            inFlight.remove(stage.service);
            notifyAll();
        }
    }

    /**
     * A stage left: from now on messages wait for it as long as it is expected. Returns once the
     * messages inside it are out (DS deactivates the component after this unbind), or after
     * {@link #DRAIN_MILLIS}.
     */
    synchronized void remove(MessageStage service) {
        for (Stage s : List.copyOf(stages)) {
            if (s.service == service) {
                stages.remove(s);
                running = stages.stream().filter(Stage::enabled).toList();
                if (!closed && stages.stream().noneMatch(other -> other.name.equals(s.name))) {
                    absentSince.put(s.name, System.nanoTime());
                    LOG.info("Stage {} went away; messages wait while it is expected", s.name);
                }
            }
        }
        notifyAll();
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
        long left;
        while (inFlight.containsKey(service) && (left = deadline - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (inFlight.containsKey(service)) {
            LOG.warn("A leaving stage still has {} messages inside after {} ms; letting it go", inFlight.get(service),
                    DRAIN_MILLIS);
        }
    }

    synchronized void licences(Licences current) {
        licences = current;
        notifyAll();
    }

    /** Licensing went away (being updated): until it is back, gated stages get the grace period. */
    synchronized void licencesGone(Licences gone) {
        if (licences == gone) {
            licences = null;
            notifyAll();
        }
    }

    /** The enabled stages to run, in order, once no expected stage is missing. Null once closed. */
    synchronized List<Stage> awaitComplete() throws InterruptedException {
        while (!closed) {
            if (absentSince.isEmpty() || missing().isEmpty()) {
                return running;
            }
            wait(RECHECK_MILLIS);
        }
        return null;
    }

    /** Expected stages that are absent; stages that stopped being expected are let go (and logged). */
    private List<String> missing() {
        long now = System.nanoTime();
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = absentSince.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            String why = notExpected(known.get(e.getKey()), e.getValue(), now);
            if (why == null) {
                missing.add(e.getKey());
            } else {
                it.remove();
                LOG.info("Messages no longer wait for stage {}: {}", e.getKey(), why);
            }
        }
        return missing;
    }

    /** Why an absent stage is not expected, or null when messages must wait for it. */
    private String notExpected(KnownStages.Known k, long since, long now) {
        if (k == null) {
            return "forgotten";
        }
        if (!k.enabled()) {
            return "disabled";
        }
        if (k.feature() != null && licences != null) {
            return licences.licensed(k.feature()) ? null : "feature " + k.feature() + " not licensed";
        }
        return now - since < graceNanos ? null : "it did not come back within the grace period";
    }

    synchronized List<Stage> current() {
        return List.copyOf(stages);
    }

    /** The pipeline as it is: every registered or known stage, in order. */
    synchronized List<StageView> view(IntSupplier backlog) {
        List<String> missing = missing();
        Map<String, StageView> rows = new TreeMap<>();
        for (KnownStages.Known k : known.all()) {
            boolean waits = missing.contains(k.name());
            rows.put(k.name(), new StageView(k.name(), k.order(), k.feature(), licensed(k.feature()),
                    waits ? "waiting" : k.enabled() ? "not expected" : "disabled", "-",
                    waits ? backlog.getAsInt() : 0));
        }
        for (Stage s : stages) {
            rows.put(s.name, new StageView(s.name, s.order, s.feature, licensed(s.feature),
                    s.enabled ? "active" : "disabled", s.version, 0));
        }
        return rows.values().stream().sorted(Comparator.comparingInt(StageView::order)).toList();
    }

    private String licensed(String feature) {
        if (feature == null) {
            return "-";
        }
        return licences == null ? "unknown" : licences.licensed(feature) ? "yes" : "no";
    }

    /** The admin says a stage is gone on purpose: messages stop waiting for it. */
    synchronized boolean forget(String name) {
        if (stages.stream().anyMatch(s -> s.name.equals(name))) {
            return false;
        }
        absentSince.remove(name);
        boolean forgotten = known.forget(name);
        notifyAll();
        return forgotten;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** No stage runs from now on (the queue is stopping). */
    synchronized boolean closed() {
        return closed;
    }
}
