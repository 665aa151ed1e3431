package org.gatehouse.api;

import java.io.IOException;

/**
 * The durable queue that accepted mail is written to (implemented by the queue bundle). A
 * listener, and anything that makes new mail (DSNs, notices), hands messages in here.
 */
public interface Spool {

    /** A message ID that has never been used, across restarts too. */
    long allocateMid() throws IOException;

    /**
     * Opens a new message for writing. The content written to it is kept only once
     * {@link IncomingMessage#commit()} completes; until then it is invisible and discarded on
     * abort or crash.
     */
    IncomingMessage receive(long mid, Envelope envelope, Connection connection) throws IOException;
}
