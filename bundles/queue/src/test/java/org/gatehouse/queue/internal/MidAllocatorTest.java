package org.gatehouse.queue.internal;

import static org.gatehouse.queue.internal.QueueFixture.send;
import static org.gatehouse.queue.internal.QueueFixture.settings;
import static org.gatehouse.queue.internal.QueueFixture.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidAllocatorTest {

    @TempDir
    Path dir;

    @Test
    void midsAreUniqueAcrossRestartsWithoutAClearStop() throws Exception {
        Set<Long> seen = new HashSet<>();
        long last = 0;
        for (int restart = 0; restart < 3; restart++) {
            // a new allocator without stopping the old one is what a kill -9 looks like
            SpoolDirectory spool = new SpoolDirectory(dir, true);
            MidAllocator mids = new MidAllocator(spool, 100, 0, Runnable::run);
            for (int i = 0; i < 250; i++) {
                long mid = mids.allocate();
                assertTrue(seen.add(mid), "MID " + mid + " handed out twice");
                assertTrue(mid > last);
                last = mid;
            }
        }
        assertEquals(750, seen.size());
    }

    @Test
    void continuesAfterTheReservedTop() throws Exception {
        SpoolDirectory spool = new SpoolDirectory(dir, true);
        MidAllocator first = new MidAllocator(spool, 10_000, 0, Runnable::run);
        assertEquals(1, first.allocate());
        assertEquals("reserved-top 10001", Files.readString(dir.resolve(MidAllocator.FILE)).trim());
        assertEquals(10_001, new MidAllocator(spool, 10_000, 0, Runnable::run).allocate());
    }

    @Test
    void reservesTheNextBlockHalfWayThrough() throws Exception {
        SpoolDirectory spool = new SpoolDirectory(dir, true);
        List<Runnable> later = new ArrayList<>();
        MidAllocator mids = new MidAllocator(spool, 10, 0, later::add);
        for (int i = 0; i < 5; i++) {
            mids.allocate();
        }
        assertEquals(1, later.size(), "the early reservation was asked for half way through the block");
        later.get(0).run();
        assertEquals("reserved-top 21", Files.readString(dir.resolve(MidAllocator.FILE)).trim());
        for (int i = 0; i < 15; i++) {
            mids.allocate();
        }
        assertEquals("reserved-top 21", Files.readString(dir.resolve(MidAllocator.FILE)).trim(),
                "no synchronous reservation was needed");
        assertEquals(21, mids.allocate());
        assertEquals("reserved-top 31", Files.readString(dir.resolve(MidAllocator.FILE)).trim());
    }

    @Test
    void neverReusesAMidInTheSpoolEvenIfTheReservationIsLost() throws Exception {
        MailQueue q = started(settings(dir).withMidBlock(5));
        long mid = 0;
        for (int i = 0; i < 12; i++) {
            mid = send(q);
        }
        q.stop();
        Files.delete(dir.resolve(MidAllocator.FILE));
        MailQueue again = started(settings(dir));
        assertTrue(again.allocateMid() > mid);
        again.stop();
    }
}
