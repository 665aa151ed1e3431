package org.gatehouse.queue.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out message IDs that are never reused, across restarts and crashes too. It reserves
 * MIDs in blocks and writes the top of the reservation to {@code mid.reserved} (fsync'ed)
 * before handing out any MID below it; after a restart it continues above the reserved top. A
 * crash skips at most two blocks of numbers. Half way through a block the next one is reserved
 * in the background, so the listener's threads do not wait for that fsync in steady state.
 */
final class MidAllocator {

    private static final Logger LOG = LoggerFactory.getLogger(MidAllocator.class);

    static final String FILE = "mid.reserved";

    private final SpoolDirectory spool;
    private final Path file;
    private final long blockSize;
    private final Executor background;
    private final Object fileLock = new Object();
    private long durableTop; // guarded by fileLock: what mid.reserved says
    private long next;
    private long reservedTop;
    private boolean reserving;

    /**
     * @param highestInSpool the highest MID found in the spool (0 when empty): never reused even
     *                       if the reservation file was lost
     * @param background     where early reservations of the next block run
     */
    MidAllocator(SpoolDirectory spool, long blockSize, long highestInSpool, Executor background) throws IOException {
        this.spool = spool;
        this.file = spool.root().resolve(FILE);
        this.blockSize = blockSize;
        this.background = background;
        long top = readTop();
        this.next = Math.max(Math.max(top, highestInSpool + 1), 1);
        this.reservedTop = next;
        this.durableTop = top;
    }

    synchronized long allocate() throws IOException {
        if (next >= reservedTop) {
            reserve(next + blockSize); // the background reservation did not come in time
        }
        long mid = next++;
        if (!reserving && reservedTop - next == blockSize / 2) {
            reserving = true;
            long top = reservedTop + blockSize;
            try {
                background.execute(() -> reserveEarly(top));
            } catch (RejectedExecutionException e) {
                reserving = false; // shutting down: the next block is reserved when needed
            }
        }
        return mid;
    }

    private void reserveEarly(long top) {
        try {
            // The fsync runs without the allocator's monitor: allocate() keeps going meanwhile.
            writeTop(top);
            synchronized (this) {
                reservedTop = Math.max(reservedTop, top);
            }
        } catch (IOException e) {
            LOG.warn("Could not reserve MIDs up to {} in {}; retried when the block runs out", top, file, e);
        } finally {
            synchronized (this) {
                reserving = false;
            }
        }
    }

    // Called with the monitor held: nobody gets a MID of the new block before it is durable.
    private void reserve(long top) throws IOException {
        writeTop(top);
        reservedTop = Math.max(reservedTop, top);
    }

    /** Raises the durable top; never lowers it, whichever reservation writes last. */
    private void writeTop(long top) throws IOException {
        synchronized (fileLock) {
            if (top > durableTop) {
                spool.writeAtomically(file, ("reserved-top " + top + "\n").getBytes(StandardCharsets.US_ASCII), true);
                durableTop = top;
            }
        }
    }

    private long readTop() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return 1;
        }
        if (!text.startsWith("reserved-top ")) {
            throw new IOException(file + " is not a MID reservation file; refusing to guess MIDs");
        }
        return EnvelopeFormat.parseLong(text.substring("reserved-top ".length()));
    }
}
