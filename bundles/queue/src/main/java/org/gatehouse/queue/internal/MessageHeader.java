package org.gatehouse.queue.internal;

import java.time.Instant;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;

/**
 * What the top of a spooled message file says: the envelope and the connection facts, then the
 * content begins at {@code contentOffset}.
 */
record MessageHeader(long mid, Envelope envelope, Connection connection, Instant received, int contentOffset) {
}
