package org.gatehouse.queue.internal;

import static org.awaitility.Awaitility.await;
import static org.gatehouse.queue.internal.QueueFixture.read;
import static org.gatehouse.queue.internal.QueueFixture.send;
import static org.gatehouse.queue.internal.QueueFixture.settings;
import static org.gatehouse.queue.internal.QueueFixture.stageProps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.gatehouse.api.Connection;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.MessageStage;
import org.gatehouse.api.StageResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkQueueTest {

    @TempDir
    Path dir;

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
    private final QueueFixture.RecordingLog log = new QueueFixture.RecordingLog();
    private MailQueue queue;
    private long nextServiceId = 1;

    @BeforeEach
    void start() throws Exception {
        queue = new MailQueue(settings(dir), Clock.systemUTC());
        queue.log().bind(log);
        queue.delivery().bind(delivery);
        queue.start();
    }

    @AfterEach
    void stop() {
        queue.stop();
    }

    private MessageStage stage(String name, int order, String onError, Function<MailMessage, StageResult> body) {
        MessageStage s = m -> {
            ran.add(name);
            return body.apply(m);
        };
        queue.stages().add(s, stageProps(name, order, onError, nextServiceId++), "1.0.0");
        return s;
    }

    @Test
    void stagesRunInOrderOfTheirPropertyNotRanking() throws Exception {
        stage("antivirus", 400, null, m -> StageResult.proceed());
        stage("filters", 200, null, m -> StageResult.proceed());
        stage("antispam", 300, null, m -> StageResult.proceed());
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of("filters", "antispam", "antivirus"), ran);
        assertTrue(log.has("MID " + mid + " antispam continue"), log.toString());
        assertTrue(log.has("MID " + mid + " queued for delivery"));
        assertFalse(Files.exists(dir.resolve("active/" + mid + ".state")), "nothing changed, nothing written");
    }

    @Test
    void aStageReplacesTheContentDurablyAndLaterStagesAndDeliverySeeTheNewText() throws Exception {
        stage("antispam", 300, null, m -> {
            m.addHeader("X-Spam", "no");
            return StageResult.proceed();
        });
        stage("antivirus", 400, null, m -> {
            try {
                String old = new String(m.openContent().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                m.replaceContent(out -> out.write(("X-Repaired: yes\r\n" + old.replace("body", "clean"))
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                m.addHeader("X-Virus", "repaired");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return StageResult.proceed();
        });
        long mid = send(queue, QueueFixture.envelope("a@example.org", "b@example.com"), "Subject: s\r\n\r\nbody\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        String expected = "X-Virus: repaired\r\nX-Repaired: yes\r\nX-Spam: no\r\n";
        String delivered = read(delivery.get(mid));
        assertTrue(delivered.startsWith(expected), delivered);
        assertTrue(delivered.endsWith("Subject: s\r\n\r\nclean\r\n"), delivered);
        assertEquals(delivered.length(), delivery.get(mid).size());
        try (var names = Files.list(dir.resolve("active"))) {
            assertEquals(List.of(), names.filter(f -> f.toString().endsWith(".tmp")).toList());
        }

        // after a restart the spool gives the replaced text, with the header added after the replacement
        queue.stop();
        queue = new MailQueue(settings(dir), Clock.systemUTC());
        QueueFixture.RecordingDelivery again = new QueueFixture.RecordingDelivery();
        queue.delivery().bind(again);
        queue.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> again.get(mid) != null);
        assertEquals(delivered, read(again.get(mid)));
    }

    @Test
    void aPolicyThatTurnsAStageOffSkipsIt() throws Exception {
        stage("antispam", 300, null, m -> StageResult.proceed());
        stage("antivirus", 400, null, m -> StageResult.proceed());
        Connection trusted = new Connection(5, "public", "10.1.1.1", null, false, "partner.test", null,
                "WHITELIST", "TRUSTED", null, Set.of("antispam"));
        long mid = QueueFixture.send(queue, QueueFixture.envelope("a@example.org", "b@example.com"), trusted,
                "Subject: hi\r\n\r\nbody\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of("antivirus"), ran, "anti-virus still runs");
        assertTrue(log.has("MID " + mid + " antispam skipped: policy TRUSTED turns it off"), log.toString());
        assertEquals(Set.of("antispam"), delivery.get(mid).connection().skippedStages());
    }

    @Test
    void dropDeletesTheMessage() throws Exception {
        stage("filters", 200, null, m -> StageResult.drop("rule x"));
        stage("antispam", 300, null, m -> StageResult.proceed());
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(mid) == null);
        assertFalse(Files.exists(dir.resolve("active/" + mid + ".msg")));
        assertEquals(List.of("filters"), ran);
        assertTrue(log.has("MID " + mid + " dropped by filters: rule x"));
        assertEquals(0, delivery.enqueued.size());
    }

    @Test
    void observerStagesSeeMessagesAnEarlierStageDecidedOn() throws Exception {
        stage("antispam", 300, null, m -> StageResult.quarantine("spam", "positive"));
        stage("antivirus", 400, null, m -> StageResult.proceed());
        List<Long> observed = new CopyOnWriteArrayList<>();
        Map<String, Object> props = new java.util.HashMap<>(stageProps("reputation", 950, null, nextServiceId++));
        props.put(MessageStage.OBSERVER, true);
        queue.stages().add(m -> {
            observed.add(m.mid());
            throw new IllegalStateException("an observer's error changes nothing");
        }, props, "1.0.0");
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(mid).phase() == Phase.HELD);
        assertEquals(List.of(mid), observed, "the observer saw the quarantined message");
        assertEquals(List.of("antispam"), ran, "the stages after the decision did not run");
    }

    @Test
    void bounceDropsAndSaysSo() throws Exception {
        stage("filters", 200, null, m -> StageResult.bounce("not wanted"));
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(mid) == null);
        assertTrue(log.has("MID " + mid + " bounced by filters: not wanted - no bounce generator installed"),
                log.toString());
        assertEquals(0, delivery.enqueued.size());
    }

    @Test
    void quarantineHoldsTheMessageVisibly() throws Exception {
        stage("antivirus", 400, null, m -> StageResult.quarantine("virus", "EICAR"));
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(mid).phase() == Phase.HELD);
        assertTrue(Files.exists(dir.resolve("hold/" + mid + ".msg")));
        assertFalse(Files.exists(dir.resolve("active/" + mid + ".msg")));
        QueueAdmin admin = new QueueAdminService(queue);
        MessageView view = admin.list().get(0);
        assertEquals(Phase.HELD, view.phase());
        assertTrue(view.lastError().contains("quarantine virus"), view.lastError());
        assertEquals(0, delivery.enqueued.size());

        // held survives a restart, and the admin can release it
        queue.stop();
        queue = new MailQueue(settings(dir), Clock.systemUTC());
        queue.delivery().bind(delivery);
        queue.start();
        admin = new QueueAdminService(queue);
        assertEquals(Phase.HELD, admin.show(mid).orElseThrow().phase());
        assertTrue(admin.deliverNow(mid));
        assertEquals(1, delivery.count(mid));
        assertTrue(Files.exists(dir.resolve("active/" + mid + ".msg")));
    }

    @Test
    void deliverNowSkipsTheRemainingStages() throws Exception {
        stage("filters", 200, null, m -> StageResult.deliverNow("trusted"));
        stage("antispam", 300, null, m -> StageResult.proceed());
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of("filters"), ran);
    }

    @Test
    void aStageTagsTheSubjectAndTheTagSurvivesARestart() throws Exception {
        stage("antispam", 300, null, m -> {
            try {
                m.setHeader("Subject", "[SPAM] " + m.header("subject"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return StageResult.quarantine("spam", "positive");
        });
        long mid = QueueFixture.send(queue, QueueFixture.envelope("a@example.org", "b@example.com"),
                "Received: from a.example\r\nSubject: cheap\r\n  pills\r\nTo: b@example.com\r\n\r\n"
                        + "Subject: in the body stays\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(mid).phase() == Phase.HELD);
        String expected = "Subject: [SPAM] cheap pills\r\nReceived: from a.example\r\nTo: b@example.com\r\n\r\n"
                + "Subject: in the body stays\r\n";
        assertEquals(expected, read(queue.find(mid)));
        assertEquals(expected.length(), queue.find(mid).size(), "SIZE as delivered");

        queue.stop();
        queue = new MailQueue(settings(dir), Clock.systemUTC());
        queue.delivery().bind(delivery);
        queue.start();
        assertEquals(expected, read(queue.find(mid)), "the replacement is in the state file");
        assertEquals("[SPAM] cheap pills", queue.find(mid).header("SUBJECT"));
    }

    @Test
    void stageExceptionTempfailsAndRetriesWithBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        stage("antispam", 300, null, m -> {
            m.addHeader("X-Gatehouse-Spam", "negative");
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("engine down");
            }
            return StageResult.proceed();
        });
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(3, calls.get());
        assertTrue(read(delivery.get(mid)).startsWith("X-Gatehouse-Spam: negative\r\nReceived:"),
                "a retried stage's header appears once");
        assertTrue(log.has("MID " + mid + " antispam error: IllegalStateException: engine down - retry in"),
                log.toString());
        assertTrue(Files.exists(dir.resolve("active/" + mid + ".msg")));
    }

    @Test
    void stageExceptionWithOnErrorQuarantineHolds() throws Exception {
        stage("antivirus", 400, "quarantine", m -> {
            throw new IllegalStateException("scanner crashed");
        });
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(mid).phase() == Phase.HELD);
        assertTrue(log.has("on.error quarantine: held"), log.toString());
        assertTrue(Files.exists(dir.resolve("hold/" + mid + ".msg")));
    }

    @Test
    void addedHeadersComeFirstAndSurviveARestart() throws Exception {
        stage("antispam", 300, null, m -> {
            m.addHeader("X-Gatehouse-Spam", "negative");
            m.annotate("antispam.score", "3");
            return StageResult.proceed();
        });
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        String expected = "X-Gatehouse-Spam: negative\r\nReceived: from a.example\r\nSubject: hello\r\n\r\nbody\r\n";
        assertEquals(expected, read(delivery.get(mid)));
        assertEquals(expected.length(), delivery.get(mid).size());
        assertTrue(Files.exists(dir.resolve("active/" + mid + ".state")));

        queue.stop();
        ran.clear();
        MailQueue again = new MailQueue(settings(dir), Clock.systemUTC());
        QueueFixture.RecordingDelivery later = new QueueFixture.RecordingDelivery();
        again.delivery().bind(later);
        again.start();
        queue = again;
        assertEquals(expected, read(later.get(mid)));
        assertEquals("3", later.get(mid).annotations().get("antispam.score"));
        assertEquals(List.of(), ran, "a message with delivery state goes straight to delivery");
    }

    @Test
    void messagesWaitWhileADepartedStageMayComeBack() throws Exception {
        queue.stop();
        queue = new MailQueue(settings(dir).withStageGrace(60_000), Clock.systemUTC());
        queue.delivery().bind(delivery);
        queue.start();
        MessageStage old = stage("antivirus", 400, null, m -> StageResult.proceed());
        queue.stages().remove(old);
        long mid = send(queue);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> delivery.get(mid) == null);
        stage("antivirus", 400, null, m -> StageResult.proceed());
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of("antivirus"), ran, "the message was not passed unscanned");
    }

    @Test
    void aLeavingStageIsLetGoOnlyAfterTheMessageInsideItAndIsNotCalledAgain() throws Exception {
        queue.stop();
        queue = new MailQueue(settings(dir).withStageGrace(60_000), Clock.systemUTC());
        queue.delivery().bind(delivery);
        queue.start();
        java.util.concurrent.CountDownLatch inStage = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        MessageStage old = stage("antivirus", 400, null, m -> {
            inStage.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StageResult.proceed();
        });
        long first = send(queue);
        assertTrue(inStage.await(5, java.util.concurrent.TimeUnit.SECONDS));
        java.util.concurrent.CompletableFuture<Void> unbind =
                java.util.concurrent.CompletableFuture.runAsync(() -> queue.stages().remove(old));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !unbind.isDone());
        release.countDown();
        unbind.get(5, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(first) != null);

        ran.clear();
        long second = send(queue);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> delivery.get(second) == null);
        stage("antivirus", 400, null, m -> StageResult.proceed());
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(second) != null);
        assertEquals(List.of("antivirus"), ran, "only the new stage saw the second message");
    }

    @Test
    void stopLetsAStageRunInFlightFinishAndKeepsTheFiles() throws Exception {
        queue.stop();
        queue = new MailQueue(settings(dir).withWorkers(1), Clock.systemUTC());
        queue.start();
        java.util.concurrent.CountDownLatch inStage = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        stage("antivirus", 400, null, m -> {
            inStage.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StageResult.proceed();
        });
        long first = send(queue);
        long second = send(queue);
        assertTrue(inStage.await(5, java.util.concurrent.TimeUnit.SECONDS));
        Thread stopper = new Thread(queue::stop);
        stopper.start();
        // Release the stage only once stop is under way, else the worker may take the next
        // message before stop began.
        StageRegistry stopping = queue.stages();
        await().atMost(Duration.ofSeconds(5)).until(stopping::closed);
        release.countDown();
        stopper.join(10_000);
        assertFalse(stopper.isAlive());
        assertEquals(1, ran.size(), "no new stage run started after stop");
        assertTrue(Files.exists(dir.resolve("active/" + first + ".msg")));
        assertTrue(Files.exists(dir.resolve("active/" + second + ".msg")));

        queue = new MailQueue(settings(dir), Clock.systemUTC());
        queue.delivery().bind(delivery);
        queue.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(first) != null && delivery.get(second) != null);
    }
}
