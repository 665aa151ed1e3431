package org.gatehouse.delivery.internal;

import java.io.IOException;

/**
 * A reused connection turned out dead before the server answered anything of the
 * transaction; no content was sent, so the caller retries on a new connection.
 */
final class StaleConnection extends IOException {
    StaleConnection(String message) {
        super(message);
    }
}
