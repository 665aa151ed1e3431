package org.gatehouse.queue.internal;

import java.io.ByteArrayInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.gatehouse.api.Connection;
import org.gatehouse.api.ContentWriter;
import org.gatehouse.api.DeliveryQueue;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.RecipientStatus;

/**
 * A committed message in the spool: what stages read and annotate, and what delivery reports
 * each recipient's fate to. Every change of delivery progress is on disk before the reporting
 * method returns. Thread-safe: delivery may report from several connections at once.
 */
final class SpooledMessage implements QueuedMessage {

    /** Told when a message leaves the spool because nothing is left to deliver. */
    interface Owner {
        void finished(SpooledMessage message);
    }

    private final MessageHeader header;
    private final SpoolDirectory spool;
    private final Clock clock;
    private final Owner owner;

    // guarded by this
    private Path dir;
    /** Octets of the message file (envelope, then content); changes when a stage replaces the content. */
    private long fileSize;
    private Phase phase;
    private String holdReason;
    private final List<RecipientProgress> recipients;
    private final StageAdditions additions;
    private boolean removed;
    private StageRetry stageRetry = StageRetry.NONE;
    private DeliveryQueue handedTo;
    /** See {@link #replacedOctets()}; -1: not counted yet. */
    private long replacedOctets = -1;

    SpooledMessage(MessageHeader header, SpoolDirectory spool, Path dir, long fileSize, MessageState state,
                   Clock clock, Owner owner) {
        this.header = header;
        this.spool = spool;
        this.dir = dir;
        this.fileSize = fileSize;
        this.clock = clock;
        this.owner = owner;
        if (state == null) {
            this.phase = Phase.WORK_QUEUE;
            this.recipients = new ArrayList<>(RecipientProgress.allFresh(header.envelope().recipients()));
            this.additions = new StageAdditions(List.of(), Map.of());
        } else {
            this.phase = state.phase();
            this.holdReason = state.holdReason();
            this.recipients = new ArrayList<>(state.recipients());
            this.additions = new StageAdditions(state.headers(), state.annotations());
        }
    }

    @Override
    public long mid() {
        return header.mid();
    }

    @Override
    public Envelope envelope() {
        return header.envelope();
    }

    @Override
    public Connection connection() {
        return header.connection();
    }

    @Override
    public Instant received() {
        return header.received();
    }

    @Override
    public synchronized long size() {
        return additions.rendered().length + fileSize - header.contentOffset() - replacedOctets();
    }

    /** Octets of the spooled fields that stages replaced; read once per change, the spool file never changes. */
    private long replacedOctets() {
        Set<String> replaced = additions.replaced();
        if (replaced.isEmpty()) {
            return 0;
        }
        if (replacedOctets < 0) {
            try (InputStream spooled = openSpooled()) {
                replacedOctets = HeaderFilter.removedOctets(spooled, replaced);
            } catch (IOException e) {
                throw new UncheckedIOException("MID " + mid() + ": cannot read its header", e);
            }
        }
        return replacedOctets;
    }

    @Override
    public InputStream openContent() throws IOException {
        byte[] added;
        Set<String> replaced;
        synchronized (this) {
            added = additions.rendered();
            replaced = additions.replaced();
        }
        InputStream content = openSpooled();
        if (!replaced.isEmpty()) {
            content = HeaderFilter.without(content, replaced);
        }
        return added.length == 0 ? content : new java.io.SequenceInputStream(new ByteArrayInputStream(added), content);
    }

    /** The text as the listener spooled it, from just after the envelope. */
    private InputStream openSpooled() throws IOException {
        Path file;
        synchronized (this) {
            if (removed) {
                throw new IOException("MID " + mid() + " is no longer in the spool");
            }
            file = spool.messageFile(dir, mid());
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ch.position(header.contentOffset());
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new BufferedInputStream(Channels.newInputStream(ch), 16384);
    }

    @Override
    public String header(String name) throws IOException {
        try (InputStream content = openContent()) {
            return HeaderFilter.firstValue(content, name);
        }
    }

    @Override
    public synchronized Map<String, String> annotations() {
        return Map.copyOf(additions.annotations());
    }

    @Override
    public synchronized void annotate(String key, String value) {
        additions.annotate(key, value);
    }

    @Override
    public synchronized void addHeader(String name, String value) {
        additions.addHeader(name, value);
    }

    @Override
    public synchronized void setHeader(String name, String value) {
        additions.setHeader(name, value);
        replacedOctets = -1;
    }

    /** The new file is durable before it takes the old one's place (see {@link SpoolDirectory#replaceContent}). */
    @Override
    public synchronized void replaceContent(ContentWriter writer) throws IOException {
        if (removed) {
            throw new IOException("MID " + mid() + " is no longer in the spool");
        }
        Path file = spool.messageFile(dir, mid());
        spool.replaceContent(file, header.contentOffset(), writer);
        fileSize = Files.size(file);
        additions.clearHeaders();
        replacedOctets = -1;
    }

    @Override
    public synchronized List<RecipientStatus> pending() {
        Instant now = clock.instant();
        List<RecipientStatus> out = new ArrayList<>();
        for (RecipientProgress r : recipients) {
            if (r.outcome() == RecipientOutcome.PENDING) {
                out.add(r.status(now));
            }
        }
        return out;
    }

    @Override
    public void delivered(Collection<Integer> rids, String reply) {
        settle(rids, RecipientOutcome.DELIVERED, reply);
    }

    @Override
    public void bounced(Collection<Integer> rids, String reply) {
        settle(rids, RecipientOutcome.BOUNCED, reply);
    }

    private void settle(Collection<Integer> rids, RecipientOutcome outcome, String reply) {
        boolean done;
        synchronized (this) {
            if (removed) {
                return;
            }
            updatePending(rids, r -> r.done(outcome, reply));
            done = recipients.stream().noneMatch(r -> r.outcome() == RecipientOutcome.PENDING);
            if (done) {
                deleteFiles();
            } else {
                persist(true);
            }
        }
        if (done) {
            owner.finished(this);
        }
    }

    @Override
    public synchronized void deferred(Collection<Integer> rids, String reply, Instant next) {
        if (removed) {
            return;
        }
        updatePending(rids, r -> r.deferred(reply, next));
        persist(true);
    }

    /** Applies {@code change} to those of {@code rids} still pending (guarded by this). */
    private void updatePending(Collection<Integer> rids, UnaryOperator<RecipientProgress> change) {
        recipients.replaceAll(r -> rids.contains(r.recipient().rid()) && r.outcome() == RecipientOutcome.PENDING
                ? change.apply(r) : r);
    }

    /**
     * Before a run of the stages: forget what an earlier, failed run added, so a retried stage
     * does not add its header twice.
     */
    synchronized void startStages() {
        additions.clear();
    }

    /** After the stages: writes the state only if a stage added headers (so they survive a crash). */
    synchronized void passedStages() {
        phase = Phase.DELIVERY;
        stageRetry = StageRetry.NONE;
        if (additions.changed() && !removed) {
            // Not forced: if a crash loses it, the stages simply run again.
            persist(false);
        }
    }

    /** Moves the message to hold/ with the reason queue-list shows. */
    synchronized void hold(String reason) throws IOException {
        if (removed || phase == Phase.HELD) {
            return;
        }
        // State first, then the message: a crash in between leaves an orphan state (deleted at
        // recovery) and the message still active, so it runs the stages again.
        moveTo(spool.hold(), Phase.HELD, reason);
    }

    /** Takes a held message out of hold/ for delivery (the admin released it). */
    synchronized void release() throws IOException {
        if (removed || phase != Phase.HELD) {
            return;
        }
        moveTo(spool.active(), Phase.DELIVERY, null);
    }

    private void moveTo(Path to, Phase newPhase, String reason) throws IOException {
        Path from = dir;
        MessageState moved = new MessageState(newPhase, reason, List.copyOf(recipients), additions.headers(),
                additions.annotations());
        spool.writeAtomically(spool.stateFile(to, mid()), StateFormat.encode(moved), true);
        SpoolDirectory.move(spool.messageFile(from, mid()), spool.messageFile(to, mid()));
        spool.syncDirectory(to);
        dir = to;
        phase = newPhase;
        holdReason = reason;
        additions.saved();
        Files.deleteIfExists(spool.stateFile(from, mid()));
        spool.syncDirectory(from);
    }

    /** Removes the message from the spool (dropped, bounced by a stage, deleted by the admin). */
    synchronized boolean remove() {
        if (removed) {
            return false;
        }
        deleteFiles();
        return true;
    }

    private void deleteFiles() {
        removed = true;
        try {
            // Message first: a state file without its message is an orphan recovery deletes,
            // while a message without its state would be delivered again to everyone.
            spool.discardMessageFile(spool.messageFile(dir, mid()));
            Files.deleteIfExists(spool.stateFile(dir, mid()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete MID " + mid() + " from the spool", e);
        }
    }

    private void persist(boolean durable) {
        try {
            spool.writeAtomically(spool.stateFile(dir, mid()), StateFormat.encode(snapshot()), durable);
            additions.saved();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the state of MID " + mid(), e);
        }
    }

    synchronized MessageState snapshot() {
        return new MessageState(phase == Phase.HELD ? Phase.HELD : Phase.DELIVERY, holdReason, List.copyOf(recipients),
                additions.headers(), additions.annotations());
    }

    synchronized Phase phase() {
        return phase;
    }

    synchronized boolean removed() {
        return removed;
    }

    synchronized String holdReason() {
        return holdReason;
    }

    synchronized void stageFailed(String error, Instant retryAt) {
        phase = Phase.RETRY;
        stageRetry = stageRetry.failed(error, retryAt);
    }

    synchronized void backToWorkQueue() {
        if (phase == Phase.RETRY) {
            phase = Phase.WORK_QUEUE;
        }
    }

    synchronized StageRetry stageRetry() {
        return stageRetry;
    }

    synchronized List<RecipientProgress> recipients() {
        return List.copyOf(recipients);
    }

    synchronized List<AddedHeader> addedHeaders() {
        return additions.headers();
    }

    /** Marks the message as handed to {@code queue}; false when it already was. */
    synchronized boolean handTo(DeliveryQueue queue) {
        if (removed || phase != Phase.DELIVERY || handedTo == queue) {
            return false;
        }
        handedTo = queue;
        return true;
    }

    /** The delivery queue went away: the next one must get this message again. */
    synchronized void forgetHandoff(DeliveryQueue queue) {
        if (handedTo == queue) {
            handedTo = null;
        }
    }
}
