package org.gatehouse.queue.internal;

import java.util.List;

import org.gatehouse.api.Connection;
import org.gatehouse.api.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages over one message, in order, and says what should happen to it. It decides;
 * the {@link WorkQueue} caller does the disk work.
 */
final class Pipeline {

    /** What the stages decided. */
    enum Action {
        /** Every stage passed (or one said deliver-now): hand to delivery. */
        DELIVER,
        /** A stage said drop. */
        DROP,
        /** A stage said bounce. */
        BOUNCE,
        /** A stage said quarantine. */
        HOLD,
        /** A stage failed and its on.error is quarantine. */
        HOLD_AFTER_ERROR,
        /** A stage failed with on.error=tempfail: keep the message and try again later. */
        RETRY,
        /** The queue is stopping: leave the message for the next activation. */
        STOPPED
    }

    record Outcome(Action action, String stage, String reason) {
    }

    private final StageRegistry stages;
    private final QueueLog log;

    Pipeline(StageRegistry stages, QueueLog log) {
        this.stages = stages;
        this.log = log;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** How often a message starts over because a stage was replaced under it, before it waits for a retry. */
    private static final int MAX_RESTARTS = 3;

    Outcome run(SpooledMessage message) throws InterruptedException {
        for (int attempt = 0; attempt < MAX_RESTARTS; attempt++) {
            Outcome outcome = runOnce(message);
            if (outcome != null) {
                return outcome;
            }
        }
        return new Outcome(Action.RETRY, null, "stages were replaced while the message ran");
    }

    /** One pass over the chain; null when a stage left (updated, reconfigured) before its turn: start over. */
    private Outcome runOnce(SpooledMessage message) throws InterruptedException {
        List<StageRegistry.Stage> chain = stages.awaitComplete();
        if (chain == null) {
            return new Outcome(Action.STOPPED, null, "queue stopping");
        }
        message.startStages();
        Connection connection = message.connection();
        for (int i = 0; i < chain.size(); i++) {
            StageRegistry.Stage stage = chain.get(i);
            if (connection != null && connection.skippedStages().contains(stage.name())) {
                // The admin's choice for this sender's policy (e.g. no anti-spam for TRUSTED), not a gap.
                log.skipped(message.mid(), stage.name(), connection.policy());
                continue;
            }
            if (!stages.enter(stage)) {
                // Deactivated since the chain was read: its replacement must do the work, from the start.
                return null;
            }
            StageResult result;
            try {
                result = stage.service().process(message);
                if (result == null) {
                    throw new IllegalStateException("stage returned no verdict");
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                // LinkageError: the stage's bundle is being updated under us. Not lost either way.
                String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                return new Outcome(stage.quarantineOnError() ? Action.HOLD_AFTER_ERROR : Action.RETRY, stage.name(), error);
            } finally {
                stages.leave(stage);
            }
            log.verdict(message.mid(), stage.name(), result);
            Outcome decided = decided(stage, result);
            if (decided != null) {
                observe(message, chain.subList(i + 1, chain.size()));
                return decided;
            }
        }
        return new Outcome(Action.DELIVER, null, "");
    }

    /** What a verdict decides; null for CONTINUE (on to the next stage). */
    private static Outcome decided(StageRegistry.Stage stage, StageResult result) {
        return switch (result.verdict()) {
            case CONTINUE -> null;
            case DROP -> new Outcome(Action.DROP, stage.name(), result.reason());
            case BOUNCE -> new Outcome(Action.BOUNCE, stage.name(), result.reason());
            case QUARANTINE -> new Outcome(Action.HOLD, stage.name(),
                    (result.quarantine() == null ? "" : "quarantine " + result.quarantine() + ": ") + result.reason());
            case DELIVER_NOW -> new Outcome(Action.DELIVER, stage.name(), result.reason());
        };
    }

    /**
     * The message's fate is decided before the end of the chain: observer stages after that
     * point still see it (so, for example, reputation history learns from quarantined spam).
     * Their verdicts and errors change nothing.
     */
    private void observe(SpooledMessage message, List<StageRegistry.Stage> rest) {
        Connection connection = message.connection();
        for (StageRegistry.Stage observer : rest) {
            if (!observer.observer() || (connection != null && connection.skippedStages().contains(observer.name()))
                    || !stages.enter(observer)) {
                continue;
            }
            try {
                observer.service().process(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | LinkageError e) {
                LOG.warn("Observer stage {} failed on MID {} (the decision stands): {}", observer.name(), message.mid(), e.toString());
            } finally {
                stages.leave(observer);
            }
        }
    }
}
