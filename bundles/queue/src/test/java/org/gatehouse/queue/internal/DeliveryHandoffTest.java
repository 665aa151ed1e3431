package org.gatehouse.queue.internal;

import static org.awaitility.Awaitility.await;
import static org.gatehouse.queue.internal.QueueFixture.send;
import static org.gatehouse.queue.internal.QueueFixture.settings;
import static org.gatehouse.queue.internal.QueueFixture.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.RecipientStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryHandoffTest {

    @TempDir
    Path dir;

    @Test
    void messagesWaitForALateDeliveryQueueAndAreHandedOnce() throws Exception {
        MailQueue q = started(settings(dir));
        long a = send(q);
        long b = send(q);
        await().atMost(Duration.ofSeconds(5)).until(() -> q.find(a).phase() == Phase.DELIVERY
                && q.find(b).phase() == Phase.DELIVERY);

        QueueFixture.RecordingDelivery late = new QueueFixture.RecordingDelivery();
        q.delivery().bind(late);
        assertEquals(1, late.count(a));
        assertEquals(1, late.count(b));
        q.delivery().offerAll();
        assertEquals(2, late.enqueued.size(), "a bound queue gets each message once");

        // a delivery bundle update: the old queue goes, a new one comes and gets everything again
        q.delivery().unbind(late);
        QueueFixture.RecordingDelivery updated = new QueueFixture.RecordingDelivery();
        q.delivery().bind(updated);
        assertEquals(2, updated.enqueued.size());
        q.stop();
    }

    @Test
    void deferredStateSurvivesARestartSoRetriesResumeOnSchedule() throws Exception {
        MailQueue q = started(settings(dir));
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        q.delivery().bind(delivery);
        long mid = send(q);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        QueuedMessage m = delivery.get(mid);
        Instant next = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        m.deferred(List.of(0, 1), "451 4.4.1 no answer", next);
        m.deferred(List.of(1), "451 4.4.1 still nothing", next);
        assertTrue(Files.exists(dir.resolve("active/" + mid + ".state")));
        q.stop();

        MailQueue again = started(settings(dir));
        QueueFixture.RecordingDelivery later = new QueueFixture.RecordingDelivery();
        again.delivery().bind(later);
        List<RecipientStatus> pending = later.get(mid).pending();
        assertEquals(2, pending.size());
        assertEquals(1, pending.get(0).attempts());
        assertEquals(2, pending.get(1).attempts());
        assertEquals("451 4.4.1 still nothing", pending.get(1).lastError());
        assertEquals(next, pending.get(1).nextAttempt());
        assertEquals(Phase.DELIVERY, again.find(mid).phase());
        again.stop();
    }

    @Test
    void partialDeliveryIsKeptAndFullDeliveryRemovesTheFiles() throws Exception {
        MailQueue q = started(settings(dir));
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        q.delivery().bind(delivery);
        long mid = send(q);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        delivery.get(mid).delivered(List.of(0), "250 ok");
        q.stop();

        MailQueue again = started(settings(dir));
        QueueFixture.RecordingDelivery later = new QueueFixture.RecordingDelivery();
        again.delivery().bind(later);
        QueuedMessage m = later.get(mid);
        assertEquals(1, m.pending().size());
        assertEquals(1, m.pending().get(0).recipient().rid());
        m.bounced(List.of(1), "550 5.1.1 no such user");
        assertFalse(Files.exists(dir.resolve("active/" + mid + ".msg")));
        assertFalse(Files.exists(dir.resolve("active/" + mid + ".state")));
        assertNull(again.find(mid));
        again.stop();
    }

    @Test
    void concurrentReportsAreAllKept() throws Exception {
        MailQueue q = started(settings(dir));
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        q.delivery().bind(delivery);
        String[] to = new String[20];
        for (int i = 0; i < to.length; i++) {
            to[i] = "r" + i + "@d" + i + ".example";
        }
        long mid = send(q, QueueFixture.envelope("a@example.org", to), "Subject: x\r\n\r\nx\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        QueuedMessage m = delivery.get(mid);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 19; i++) {
                int rid = i;
                done.add(pool.submit(() -> m.delivered(List.of(rid), "250 ok")));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, m.pending().size());
        q.stop();
        MailQueue again = started(settings(dir));
        QueueFixture.RecordingDelivery later = new QueueFixture.RecordingDelivery();
        again.delivery().bind(later);
        assertEquals(19, later.get(mid).pending().get(0).recipient().rid());
        again.stop();
    }

    @Test
    void adminDeleteRemovesFromSpoolAndDelivery() throws Exception {
        MailQueue q = started(settings(dir));
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        QueueFixture.RecordingLog log = new QueueFixture.RecordingLog();
        q.log().bind(log);
        q.delivery().bind(delivery);
        long mid = send(q);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        QueueAdmin admin = new QueueAdminService(q);
        assertTrue(admin.deliverNow(mid));
        assertEquals(List.of(mid), delivery.deliverNow);
        QueueStatus status = admin.status();
        assertEquals(1, status.byPhase().get(Phase.DELIVERY));
        assertTrue(status.deliveryBound());

        assertTrue(admin.delete(mid));
        assertEquals(List.of(mid), delivery.removed);
        assertFalse(Files.exists(dir.resolve("active/" + mid + ".msg")));
        assertTrue(log.has("MID " + mid + " deleted by the administrator"));
        delivery.get(mid).delivered(List.of(0, 1), "250 ok"); // late report after a delete: harmless
        assertTrue(admin.list().isEmpty());
        assertFalse(admin.delete(mid));
    }

    @Test
    void componentWiresAllOfItTogether() throws Exception {
        QueueComponent component = new QueueComponent(settings(dir));
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        component.bindDeliveryQueue(delivery);
        component.start();
        long mid = component.allocateMid();
        var in = component.receive(mid, QueueFixture.envelope("a@example.org", "b@example.com"), null);
        in.write(java.nio.ByteBuffer.wrap("Subject: x\r\n\r\nx\r\n".getBytes()));
        in.commit().toCompletableFuture().get();
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(1, component.list().size());
        component.stop();
        assertTrue(Files.exists(dir.resolve("active/" + mid + ".msg")), "files stay for the next activation");
    }
}
