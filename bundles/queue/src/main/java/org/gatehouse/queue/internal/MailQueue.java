package org.gatehouse.queue.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue: spool, MIDs, group commit, work queue and hand-off to delivery, for one
 * activation of the component. Built with {@code new} in tests; {@link #start()} recovers the
 * spool and starts the workers, {@link #stop()} drains and leaves the files for the next start.
 */
final class MailQueue implements Spool, SpooledMessage.Owner, IncomingSpoolFile.Committer {

    private static final Logger LOG = LoggerFactory.getLogger(MailQueue.class);

    private final QueueSettings settings;
    private final Clock clock;
    private final QueueLog log = new QueueLog();
    private final StageRegistry stages;
    private final Map<Long, SpooledMessage> messages = new ConcurrentSkipListMap<>();
    private final DeliveryHandoff delivery = new DeliveryHandoff(messages::values);
    private final Pipeline pipeline;
    private final ReceptionsInFlight receptions = new ReceptionsInFlight();
    private SpoolDirectory spool;
    private MidAllocator mids;
    private GroupCommitter committer;
    private WorkQueue work;
    private ExecutorService housekeeping;
    private volatile boolean running;

    MailQueue(QueueSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.stages = new StageRegistry(settings.stageGraceMillis(),
                new KnownStages(settings.directory().resolve("stages.properties")));
        this.pipeline = new Pipeline(stages, log);
    }

    QueueLog log() {
        return log;
    }

    StageRegistry stages() {
        return stages;
    }

    DeliveryHandoff delivery() {
        return delivery;
    }

    Collection<SpooledMessage> messages() {
        return messages.values();
    }

    SpooledMessage find(long mid) {
        return messages.get(mid);
    }

    WorkQueue work() {
        return work;
    }

    synchronized void start() throws IOException {
        spool = new SpoolDirectory(settings.directory(), settings.fsync());
        SpoolRecovery.Result recovered = new SpoolRecovery(spool, clock, this).recover();
        housekeeping = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-spool-housekeeping");
            t.setDaemon(true);
            return t;
        });
        mids = new MidAllocator(spool, settings.midBlock(), recovered.highestMid(), housekeeping);
        committer = new GroupCommitter(spool, settings.forceThreads());
        work = new WorkQueue(settings.workers(), this::process);
        for (SpooledMessage m : recovered.messages()) {
            messages.put(m.mid(), m);
        }
        running = true;
        for (SpooledMessage m : recovered.messages()) {
            if (m.phase() == Phase.WORK_QUEUE) {
                work.submit(m);
            }
        }
        delivery.offerAll();
        LOG.info("Spool {} recovered: {} messages, {} unfinished receptions discarded, {} unreadable files set aside",
                settings.directory(), recovered.messages().size(), recovered.discardedIncoming(), recovered.setAside());
    }

    synchronized void stop() {
        running = false;
        stages.close();
        try {
            int unfinished = receptions.awaitNone(settings.drainMillis());
            if (unfinished > 0) {
                LOG.warn("Stopping with {} messages still being received; their clients get 451", unfinished);
            }
            if (committer != null) {
                committer.close(settings.drainMillis());
            }
            if (work != null) {
                work.close(settings.drainMillis());
            }
            if (housekeeping != null) {
                housekeeping.shutdown();
                housekeeping.awaitTermination(settings.drainMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- Spool

    @Override
    public long allocateMid() throws IOException {
        requireRunning();
        return mids.allocate();
    }

    @Override
    public IncomingMessage receive(long mid, Envelope envelope, Connection connection) throws IOException {
        requireRunning();
        if (messages.containsKey(mid)) {
            throw new IOException("MID " + mid + " is already in the spool");
        }
        Path file = spool.incomingFile(mid);
        FileChannel channel = spool.openNewMessageFile(file);
        try {
            IncomingSpoolFile incoming = new IncomingSpoolFile(mid, envelope, connection, clock.instant(), file, channel,
                    this);
            receptions.started();
            return incoming;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private void requireRunning() throws IOException {
        if (!running) {
            throw new IOException("the queue is not running");
        }
    }

    @Override
    public CompletableFuture<Void> commit(IncomingSpoolFile file) {
        long mid = file.mid();
        CompletableFuture<Void> committed = committer.commit(file.channel(), file.file(),
                spool.messageFile(spool.active(), mid), () -> {
            SpooledMessage m = new SpooledMessage(file.header(), spool, spool.active(), file.fileSize(), null, clock,
                    this);
            messages.put(mid, m);
            work.submit(m);
        });
        // A side branch: the caller's own callbacks keep running on the committer's thread.
        committed.whenComplete((ok, failed) -> receptions.finished());
        return committed;
    }

    @Override
    public void aborted(long mid) {
        receptions.finished();
        log.aborted(mid);
    }

    @Override
    public void finished(SpooledMessage message) {
        messages.remove(message.mid());
    }

    // ---- work queue

    private void process(SpooledMessage m) throws InterruptedException {
        Pipeline.Outcome outcome = pipeline.run(m);
        long mid = m.mid();
        try {
            switch (outcome.action()) {
                case DELIVER -> {
                    m.passedStages();
                    log.queuedForDelivery(mid);
                    delivery.offer(m);
                }
                case DROP -> {
                    log.dropped(mid, outcome.stage(), outcome.reason());
                    discard(m);
                }
                case BOUNCE -> {
                    log.bouncedByStage(mid, outcome.stage(), outcome.reason());
                    discard(m);
                }
                case HOLD -> {
                    log.held(mid, outcome.stage(), outcome.reason());
                    m.hold(outcome.stage() + ": " + outcome.reason());
                }
                case HOLD_AFTER_ERROR -> {
                    log.stageError(mid, outcome.stage(), outcome.reason(), "on.error quarantine: held");
                    m.hold(outcome.stage() + " error: " + outcome.reason());
                }
                case RETRY -> retryLater(m, outcome.stage(), outcome.reason());
                case STOPPED -> {
                    // left in the spool for the next activation
                }
                default -> throw new IllegalStateException("unknown outcome " + outcome.action());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("MID {}: could not record the pipeline outcome {}; trying again later", mid, outcome.action(), e);
            retryLater(m, "spool", e.toString());
        }
    }

    private void retryLater(SpooledMessage m, String stage, String error) {
        Duration delay = settings.backoff(m.stageRetry().attempts() + 1);
        m.stageFailed(stage + ": " + error, clock.instant().plus(delay));
        log.stageError(m.mid(), stage, error, "retry in " + delay.toSeconds() + " s");
        work.retryLater(m, delay);
    }

    void discard(SpooledMessage m) {
        if (m.remove()) {
            messages.remove(m.mid());
        }
    }
}
