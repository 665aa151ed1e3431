package org.gatehouse.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/** A message being received into the {@link Spool}. Not thread-safe: one writer. */
public interface IncomingMessage {

    long mid();

    /** Appends content octets (dot-unstuffed, CRLF line ends). */
    void write(ByteBuffer content) throws IOException;

    /** Octets written so far. */
    long size();

    /**
     * Makes the message durable and hands it to the work queue. The stage completes only once
     * content and envelope are on disk (fsync'ed); only then may the listener say 250. The
     * stage completes exceptionally when that fails, and then nothing is kept.
     */
    CompletionStage<Void> commit();

    /** Discards what was written; nothing is kept. Safe to call more than once. */
    void abort();
}
