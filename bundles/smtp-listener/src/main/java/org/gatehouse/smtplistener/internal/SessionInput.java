package org.gatehouse.smtplistener.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The input and output side of an SMTP session: splits the client's bytes into command lines
 * or hands them to the content reader, batches replies (one write per burst of pipelined
 * commands), holds input that arrives while a step is pending, counts errors and closes.
 * Subclasses hold the protocol; callers hold the session's lock.
 *
 * <p>While a connect decision or a commit is pending, what the client sends is kept here and
 * not executed. The socket itself is not suspended: MINA's suspendRead/resumeRead change the
 * selection key's interest set with a read-modify-write that races with the I/O thread when
 * called from another thread (the commit completes on the listener's executor), and a lost
 * update leaves a session that never reads again. Well-behaved clients wait for the reply, so
 * the held input is small; a client that floods past {@value #MAX_HELD_INPUT} octets is cut off.
 */
abstract class SessionInput {

    final ListenerSettings settings;
    final ClientChannel channel;
    final SessionLog log;
    final CommandLineReader lines = new CommandLineReader();
    private final StringBuilder replies = new StringBuilder(256);

    /** Input held while a step is pending, at most; more and the client is disconnected. */
    static final int MAX_HELD_INPUT = 1024 * 1024;

    /** A connect decision or a commit is pending: input is held, not executed. */
    boolean waiting;
    /** Between STARTTLS and the TLS filter being in place: clear-text input is dropped. */
    boolean discardInput;
    /** We decided to close (QUIT, errors, timeout); input is no longer processed. */
    boolean closing;
    boolean closed;
    boolean draining;
    private ByteBuffer pendingInput;
    private long partialLineSince;
    private int errors;

    SessionInput(ListenerSettings settings, ClientChannel channel, SessionLog log) {
        this.settings = settings;
        this.channel = channel;
        this.log = log;
    }

    /** Runs one complete command line (CRLF removed). */
    abstract void command(byte[] bytes, int length);

    /** Reads DATA or BDAT content. */
    abstract void contentInput(ByteBuffer in);

    abstract boolean commandMode();

    /** No transaction is open and no content is being read. */
    abstract boolean betweenTransactions();

    abstract void abortTransaction();

    /** Discards the open transaction unless its commit is already under way. */
    abstract void abortTransactionUnlessCommitting();

    /** The client's bytes. The buffer is only valid during the call. */
    final synchronized void received(ByteBuffer in) {
        if (closing || closed) {
            return;
        }
        if (waiting) {
            stash(in);
            if (pendingInput.remaining() > MAX_HELD_INPUT) {
                abortTransactionUnlessCommitting();
                log.closed(false, "too much pipelined input");
                pendingInput = null;
                closeWith(Replies.tooMuchInput(settings.hostname()));
            }
            return;
        }
        process(in);
        afterInput();
    }

    final void process(ByteBuffer in) {
        while (in.hasRemaining() && !closing && !waiting) {
            if (discardInput) {
                // RFC 3207: anything pipelined behind STARTTLS is dropped, never executed.
                in.position(in.limit());
                break;
            }
            if (commandMode()) {
                commandInput(in);
            } else {
                contentInput(in);
            }
        }
        if (waiting && !closing && in.hasRemaining()) {
            stash(in);
        }
    }

    private void afterInput() {
        if (draining && !waiting && !closing && betweenTransactions() && !lines.partial()) {
            closeWith(Replies.shuttingDown(settings.hostname()));
            return;
        }
        flush();
    }

    /** After a decision or commit: take up what the client pipelined, then read again. */
    final void continueInput() {
        ByteBuffer pending = pendingInput;
        pendingInput = null;
        if (pending != null) {
            process(pending);
        }
        afterInput();
    }

    /** The client sent input while a step was pending. */
    final boolean holdsInput() {
        return pendingInput != null;
    }

    private void stash(ByteBuffer in) {
        // Only pipelined input behind a pending step lands here: rare and small.
        ByteBuffer merged = ByteBuffer.allocate((pendingInput == null ? 0 : pendingInput.remaining()) + in.remaining());
        if (pendingInput != null) {
            merged.put(pendingInput);
        }
        merged.put(in).flip();
        pendingInput = merged;
    }

    private void commandInput(ByteBuffer in) {
        switch (lines.read(in)) {
            case LINE -> {
                partialLineSince = 0;
                command(lines.bytes(), lines.length());
            }
            case TOO_LONG -> {
                partialLineSince = 0;
                lineTooLong();
            }
            case NEED_MORE -> slowClientCheck();
            default -> throw new IllegalStateException();
        }
    }

    /** A command line over the limit was discarded. */
    void lineTooLong() {
        error(Replies.LINE_TOO_LONG);
    }

    /** A client that trickles a command line slower than the idle timeout is dropped as idle. */
    private void slowClientCheck() {
        if (!lines.partial()) {
            return;
        }
        long now = System.nanoTime();
        if (partialLineSince == 0) {
            partialLineSince = now;
        } else if (now - partialLineSince > settings.idleTimeoutSeconds() * 1_000_000_000L) {
            abortTransaction();
            log.closed(false, "slow client");
            closeWith(Replies.timeout(settings.hostname()));
        }
    }

    final void reply(String line) {
        replies.append(line).append("\r\n");
    }

    /** Appends a prepared multi-line reply. */
    final StringBuilder replies() {
        return replies;
    }

    /** A reply that counts against max.errors. */
    final void error(String line) {
        reply(line);
        if (++errors >= settings.maxErrors()) {
            abortTransaction();
            log.closed(false, "too many errors");
            closeWith(Replies.tooManyErrors(settings.hostname()));
        }
    }

    final void closeWith(String line) {
        reply(line);
        closing = true;
        flush();
        channel.closeAfterWrites();
    }

    final void flush() {
        if (replies.length() > 0) {
            byte[] bytes = replies.toString().getBytes(StandardCharsets.UTF_8);
            replies.setLength(0);
            channel.send(bytes);
        }
    }

    final void discardReplies() {
        replies.setLength(0);
    }
}
