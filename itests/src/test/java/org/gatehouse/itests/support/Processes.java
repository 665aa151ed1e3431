package org.gatehouse.itests.support;

import java.util.concurrent.TimeUnit;

/** Ending the daemons the tests start (clamd, spamd), within bounded time. */
final class Processes {

    private Processes() {
    }

    /** SIGTERM (to {@code timeout}, which passes it on), then SIGKILL if it is not gone within the grace. */
    static void terminate(Process process, long graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
