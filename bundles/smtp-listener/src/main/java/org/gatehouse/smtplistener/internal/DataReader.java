package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads DATA content: removes dot-stuffing and finds the end of data. Only CRLF "." CRLF ends
 * the content; a bare LF or a bare CR anywhere marks the message as malformed, and neither
 * {@code LF . LF} nor {@code CR . CR} nor any mix ends it (no SMTP smuggling). Content is passed
 * on in runs of the input buffer, never byte by byte and without copying.
 */
final class DataReader {

    /** Receives runs of unstuffed content. The buffer is only valid during the call. */
    interface Sink {
        void content(ByteBuffer run) throws IOException;
    }

    private enum State { LINE_START, MIDDLE, CR, DOT, DOT_CR }

    private State state = State.LINE_START;
    private boolean bareLineEnd;

    /** Starts a new message. */
    void reset() {
        state = State.LINE_START;
        bareLineEnd = false;
    }

    /** Whether a bare CR or LF was seen in the content. */
    boolean bareLineEnd() {
        return bareLineEnd;
    }

    /**
     * Consumes input; returns true when the end-of-data line was read, with the buffer
     * positioned just after it (what follows is pipelined commands).
     */
    boolean read(ByteBuffer in, Sink sink) throws IOException {
        final int limit = in.limit();
        int runStart = in.position();
        for (int i = runStart; i < limit; i++) {
            byte b = in.get(i);
            switch (state) {
                case LINE_START:
                    if (b == '.') {
                        // Either stuffing or the terminator: the dot is never content.
                        emit(in, runStart, i, limit, sink);
                        runStart = i + 1;
                        state = State.DOT;
                    } else {
                        state = next(b);
                    }
                    break;
                case MIDDLE:
                    state = next(b);
                    break;
                case CR:
                    if (b == '\n') {
                        state = State.LINE_START;
                    } else {
                        bareLineEnd = true;
                        state = next(b);
                    }
                    break;
                case DOT:
                    if (b == '\r') {
                        // Hold the CR back: if LF follows, it belongs to the terminator.
                        emit(in, runStart, i, limit, sink);
                        runStart = i + 1;
                        state = State.DOT_CR;
                    } else {
                        state = next(b);
                    }
                    break;
                case DOT_CR:
                    if (b == '\n') {
                        in.position(i + 1);
                        return true;
                    }
                    // ".\r" then something else: a bare CR; the message is refused anyway.
                    bareLineEnd = true;
                    state = next(b);
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
        emit(in, runStart, limit, limit, sink);
        in.position(limit);
        return false;
    }

    private State next(byte b) {
        if (b == '\r') {
            return State.CR;
        }
        if (b == '\n') {
            bareLineEnd = true;
        }
        return State.MIDDLE;
    }

    private static void emit(ByteBuffer in, int from, int to, int limit, Sink sink) throws IOException {
        if (to > from) {
            in.limit(to).position(from);
            try {
                sink.content(in);
            } finally {
                in.limit(limit);
            }
        }
    }
}
