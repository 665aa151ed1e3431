package org.gatehouse.queue.internal;

import java.util.concurrent.TimeUnit;

/**
 * Messages being received into the spool (opened, not yet committed or aborted). The queue
 * lets them finish before it stops, so that updating the queue bundle fails no transaction that
 * was already at DATA.
 */
final class ReceptionsInFlight {

    private int open;

    synchronized void started() {
        open++;
    }

    synchronized void finished() {
        open--;
        if (open <= 0) {
            notifyAll();
        }
    }

    /** Waits until none is open or the time is up; returns how many are still open. */
    synchronized int awaitNone(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (open > 0 && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return open;
    }
}
