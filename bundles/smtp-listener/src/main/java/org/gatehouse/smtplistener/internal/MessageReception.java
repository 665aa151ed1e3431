package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import org.gatehouse.api.Connection;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail transaction's content phase of a session: DATA and BDAT, opening the message in the
 * spool with our Received header, and the commit, after which the session answers 250 (or
 * 451) and takes up what the client pipelined meanwhile. {@link SmtpSession} adds the
 * connection's life and the other commands.
 */
abstract class MessageReception extends SessionInput {

    private static final Logger LOG = LoggerFactory.getLogger(MessageReception.class);
    /** BDAT arguments are split for every chunk: compiled once. */
    private static final Pattern SPACES = Pattern.compile(" +");

    enum Mode { COMMAND, DATA, BDAT }

    final ListenerContext listener;
    final long icid;
    final String remoteIp;
    private final ContentReceiver content;

    Mode mode = Mode.COMMAND;
    /** The open transaction (after MAIL), or null. */
    Transaction tx;
    /** Messages accepted in this session. */
    int messages;
    private long chunkSize;
    private boolean chunkLast;
    private String chunkRefusal;

    MessageReception(ListenerContext listener, ClientChannel channel, long icid) {
        super(listener.settings(), channel, new SessionLog(listener.services(), listener.settings().name(), icid));
        this.listener = listener;
        this.icid = icid;
        this.remoteIp = channel.remoteIp();
        this.content = new ContentReceiver(settings.name());
    }

    /** What the client said in EHLO/HELO, or null before (and after STARTTLS). */
    abstract String helo();

    abstract boolean esmtp();

    /** STARTTLS was done (the handshake may still be running). */
    abstract boolean tlsStarted();

    /** The negotiated protocol once the handshake is done, else null. */
    abstract String tlsProtocol();

    /** The HAT's decision for this connection. */
    abstract HostDecision decision();

    /** The SMTP AUTH identity the client proved, or null. */
    abstract String authenticatedUser();

    final void data(String arg) {
        if (!arg.isBlank()) {
            error("501 5.5.4 Syntax: DATA");
            return;
        }
        if (!readyForContent()) {
            return;
        }
        if (tx.chunked) {
            error(Replies.DATA_AFTER_BDAT);
            return;
        }
        if (!openMessage()) {
            return;
        }
        reply(Replies.START_DATA);
        mode = Mode.DATA;
        content.startData(tx);
        channel.readTimeout(settings.dataTimeoutSeconds());
    }

    private boolean readyForContent() {
        if (tx == null) {
            error(noTransaction());
            return false;
        }
        if (tx.recipients.isEmpty()) {
            error(Replies.RCPT_FIRST);
            return false;
        }
        return true;
    }

    /** Opens the message in the spool and writes our Received header on top. */
    private boolean openMessage() {
        Spool spool = listener.services().awaitSpool();
        boolean midLate = tx.mid < 0;
        if (spool == null || (midLate && !allocateMid(spool, tx))) {
            reply(Replies.SPOOL_UNAVAILABLE);
            abortTransaction();
            return false;
        }
        if (midLate) {
            // The spool came back after RCPT: log the recipients now that the MID exists.
            tx.recipients.forEach(r -> log.recipient(tx.mid, r.rid(), r.address()));
        }
        String tls = currentTlsProtocol();
        HostDecision host = decision();
        Connection connection = new Connection(icid, settings.name(), remoteIp, host.reverseDns(),
                host.reverseDnsVerified(), helo(), tls, host.senderGroup(), host.policy().name(), host.sbrs(),
                host.policy().skippedStages(), authenticatedUser(), host.policy().stageSettings());
        try {
            tx.message = spool.receive(tx.mid, tx.envelope(), connection);
            if (settings.receivedHeader()) {
                tx.message.write(ByteBuffer.wrap(ReceivedHeader.build(helo(), host.reverseDnsVerified() ? host.reverseDns() : null, remoteIp, settings.hostname(),
                        protocol(), tls, tx.mid, tx.recipients.size() == 1 ? tx.recipients.get(0).address() : null,
                        ZonedDateTime.now())));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Listener {}: cannot open MID {} in the spool", settings.name(), tx.mid, e);
            reply(Replies.SPOOL_FAILED);
            abortTransaction();
            return false;
        }
    }

    /** The reply to a command that needs an open transaction when there is none. */
    final String noTransaction() {
        return helo() == null ? Replies.HELO_FIRST : Replies.MAIL_FIRST;
    }

    final boolean allocateMid(Spool spool, Transaction t) {
        try {
            t.mid = spool.allocateMid();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Listener {}: cannot allocate a MID", settings.name(), e);
            return false;
        }
        log.start(t.mid, t.from);
        return true;
    }

    final String currentTlsProtocol() {
        return tlsProtocol() != null || !tlsStarted() ? tlsProtocol() : channel.tlsProtocol();
    }

    /** The Received header's "with" (RFC 3848): ESMTP, plus S for STARTTLS and A for SMTP AUTH. */
    private String protocol() {
        if (!esmtp()) {
            return "SMTP";
        }
        return "ESMTP" + (tlsStarted() ? "S" : "") + (authenticatedUser() != null ? "A" : "");
    }

    final void bdat(String arg) {
        String[] parts = SPACES.split(arg.trim());
        long size;
        try {
            size = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            size = -1;
        }
        boolean last = parts.length == 2 && "LAST".equalsIgnoreCase(parts[1]);
        if (size < 0 || parts.length > 2 || (parts.length == 2 && !last)) {
            // The chunk's length is unknown, so the stream cannot be followed: give up.
            abortTransaction();
            log.closed(false, "bad BDAT syntax");
            closeWith("501 5.5.4 Syntax: BDAT size [LAST]");
            return;
        }
        chunkSize = size;
        chunkLast = last;
        chunkRefusal = null;
        if (tx == null || tx.recipients.isEmpty()) {
            chunkRefusal = tx == null ? noTransaction() : Replies.RCPT_FIRST;
        } else if (tx.message == null && tx.refusal == null) {
            tx.chunked = true;
            if (!openMessage()) {
                // openMessage() replied already; the chunk's octets are still to be read.
                chunkRefusal = "";
            }
        }
        mode = Mode.BDAT;
        content.startChunk(chunkRefusal == null ? tx : null, size);
        channel.readTimeout(settings.dataTimeoutSeconds());
        if (size == 0) {
            chunkDone();
        }
    }

    @Override
    boolean commandMode() {
        return mode == Mode.COMMAND;
    }

    @Override
    boolean betweenTransactions() {
        return tx == null && mode == Mode.COMMAND;
    }

    @Override
    void contentInput(ByteBuffer in) {
        if (mode == Mode.DATA) {
            dataInput(in);
        } else {
            chunkInput(in);
        }
    }

    private void dataInput(ByteBuffer in) {
        if (content.read(in)) {
            mode = Mode.COMMAND;
            channel.readTimeout(settings.idleTimeoutSeconds());
            endOfContent();
        }
    }

    private void chunkInput(ByteBuffer in) {
        if (content.read(in)) {
            chunkDone();
        }
    }

    private void chunkDone() {
        mode = Mode.COMMAND;
        channel.readTimeout(settings.idleTimeoutSeconds());
        if (chunkRefusal != null) {
            if (!chunkRefusal.isEmpty()) {
                error(chunkRefusal);
            }
            chunkRefusal = null;
            return;
        }
        if (tx.refusal == null && !chunkLast) {
            reply(Replies.chunkReceived(chunkSize));
            return;
        }
        endOfContent();
    }

    /** The content is complete: refuse it, or commit it and answer once the spool has it on disk. */
    private void endOfContent() {
        Transaction t = tx;
        if (t.refusal != null) {
            t.abort();
            log.messageRejected(t.mid, t.refusal);
            String refusal = t.refusal;
            tx = null;
            error(refusal);
            return;
        }
        waiting = true;
        flush();
        CompletionStage<Void> stage;
        try {
            stage = t.message.commit();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        if (stage.toCompletableFuture().isDone()) {
            // Failed at once: answer after this input is processed, as for any other commit.
            stage.whenCompleteAsync((ok, failure) -> committed(t, failure), listener.executor());
        } else {
            stage.whenComplete((ok, failure) -> committedOnSpoolThread(t, failure));
        }
    }

    /**
     * The usual case: the client waits for the 250, nothing is held, and the reply goes out
     * straight from the spool's thread. Pipelined input behind the commit may open a message
     * in the spool, which is not work for the spool's thread: that goes to the executor.
     */
    private synchronized void committedOnSpoolThread(Transaction t, Throwable failure) {
        if (holdsInput()) {
            listener.executor().execute(() -> committed(t, failure));
        } else {
            committed(t, failure);
        }
    }

    private synchronized void committed(Transaction t, Throwable failure) {
        waiting = false;
        if (tx == t) {
            tx = null;
        }
        if (failure == null) {
            messages++;
            listener.messageAccepted();
            log.ready(t.mid, t.octets, t.from);
            reply(Replies.queued(t.mid));
        } else {
            t.abort();
            LOG.warn("Listener {}: commit of MID {} failed", settings.name(), t.mid, failure);
            log.messageRejected(t.mid, Replies.SPOOL_FAILED);
            reply(Replies.SPOOL_FAILED);
        }
        if (closing || closed) {
            discardReplies();
            return;
        }
        continueInput();
    }

    @Override
    void abortTransactionUnlessCommitting() {
        // A transaction whose commit is pending belongs to the spool now; connect waits have none.
        if (!waiting) {
            abortTransaction();
        }
    }

    @Override
    void abortTransaction() {
        if (tx != null) {
            tx.abort();
            tx = null;
        }
        mode = Mode.COMMAND;
    }
}
