package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads message content into the transaction's spool file: DATA (through {@link DataReader})
 * or one BDAT chunk (exactly its octet count, binary). Enforces the size limit and refuses
 * content with bare line ends; a refused transaction's content is read and dropped.
 */
final class ContentReceiver implements DataReader.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(ContentReceiver.class);

    private final String listener;
    private final DataReader data = new DataReader();
    private Transaction tx;
    private boolean chunk;
    private long remaining;

    ContentReceiver(String listener) {
        this.listener = listener;
    }

    /** DATA: content follows until CRLF.CRLF. */
    void startData(Transaction t) {
        tx = t;
        chunk = false;
        data.reset();
    }

    /** BDAT: exactly {@code size} octets follow; a null transaction drops them. */
    void startChunk(Transaction t, long size) {
        tx = t;
        chunk = true;
        remaining = size;
    }

    /** Consumes content; true when the DATA content or the chunk is complete. */
    boolean read(ByteBuffer in) {
        if (chunk) {
            int take = (int) Math.min(remaining, in.remaining());
            int start = in.position();
            int limit = in.limit();
            in.limit(start + take);
            content(in);
            in.limit(limit).position(start + take);
            remaining -= take;
            return remaining == 0;
        }
        try {
            if (!data.read(in, this)) {
                return false;
            }
        } catch (IOException e) {
            // content() handles write failures itself; the reader has nothing else to throw
            throw new IllegalStateException(e);
        }
        if (tx != null && data.bareLineEnd()) {
            tx.refuse(Replies.BARE_LINE_END);
        }
        return true;
    }

    @Override
    public void content(ByteBuffer run) {
        Transaction t = tx;
        if (t == null || t.refusal != null || t.message == null) {
            return;
        }
        if (!chunk && data.bareLineEnd()) {
            t.refuse(Replies.BARE_LINE_END);
            return;
        }
        int n = run.remaining();
        if (t.octets + n > t.sizeLimit) {
            t.refuse(Replies.TOO_BIG);
            return;
        }
        t.octets += n;
        try {
            t.message.write(run);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Listener {}: writing MID {} to the spool failed", listener, t.mid, e);
            t.refuse(Replies.SPOOL_FAILED);
        }
    }
}
