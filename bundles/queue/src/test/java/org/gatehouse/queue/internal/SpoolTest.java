package org.gatehouse.queue.internal;

import static org.awaitility.Awaitility.await;
import static org.gatehouse.queue.internal.QueueFixture.envelope;
import static org.gatehouse.queue.internal.QueueFixture.read;
import static org.gatehouse.queue.internal.QueueFixture.send;
import static org.gatehouse.queue.internal.QueueFixture.settings;
import static org.gatehouse.queue.internal.QueueFixture.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    @Test
    void committedMessageIsInActiveWithItsEnvelopeAndContent() throws Exception {
        MailQueue q = started(settings(dir));
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        q.delivery().bind(delivery);
        long mid = send(q);

        assertTrue(Files.exists(dir.resolve("active/" + mid + ".msg")));
        assertFalse(Files.exists(dir.resolve("incoming/" + mid + ".msg")));
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        QueuedMessage m = delivery.get(mid);
        assertEquals("a@example.org", m.envelope().mailFrom());
        assertEquals(List.of(new Recipient(0, "b@example.com"), new Recipient(1, "c@example.com")),
                m.envelope().recipients());
        assertEquals(QueueFixture.CONNECTION, m.connection());
        assertEquals("Received: from a.example\r\nSubject: hello\r\n\r\nbody\r\n", read(m));
        assertEquals(read(m).length(), m.size());
        q.stop();
    }

    @Test
    void commitCompletesOffTheCallersThread() throws Exception {
        MailQueue q = started(settings(dir));
        IncomingMessage in = q.receive(q.allocateMid(), envelope("a@example.org", "b@example.com"), null);
        in.write(ByteBuffer.wrap("x\r\n".getBytes(StandardCharsets.US_ASCII)));
        Thread caller = Thread.currentThread();
        Thread[] completer = new Thread[1];
        in.commit().thenRun(() -> completer[0] = Thread.currentThread()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(completer[0] != caller, "the commit ran on the caller's thread");
        q.stop();
    }

    @Test
    void abortedMessageLeavesNothing() throws Exception {
        MailQueue q = started(settings(dir));
        QueueFixture.RecordingLog log = new QueueFixture.RecordingLog();
        q.log().bind(log);
        long mid = q.allocateMid();
        IncomingMessage in = q.receive(mid, envelope("a@example.org", "b@example.com"), null);
        in.write(ByteBuffer.wrap(new byte[100]));
        in.abort();
        in.abort();
        try (var files = Files.list(dir.resolve("incoming"))) {
            assertEquals(0, files.count());
        }
        assertTrue(log.has("MID " + mid + " aborted"));
        assertThrows(ExecutionException.class, () -> in.commit().toCompletableFuture().get(5, TimeUnit.SECONDS));
        q.stop();
    }

    @Test
    void largeContentIsWrittenWhole() throws Exception {
        MailQueue q = started(settings(dir));
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        q.delivery().bind(delivery);
        long mid = q.allocateMid();
        IncomingMessage in = q.receive(mid, envelope("", "b@example.com"), null);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String line = "line " + i + " of a long message body\r\n";
            expected.append(line);
            in.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        }
        in.write(ByteBuffer.wrap(new byte[100_000]));
        expected.append(new String(new byte[100_000], StandardCharsets.US_ASCII));
        in.commit().toCompletableFuture().get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(expected.toString(), read(delivery.get(mid)));
        assertTrue(delivery.get(mid).envelope().nullSender());
        q.stop();
    }

    @Test
    void recoveryDiscardsTornIncomingAndRequeuesActive() throws Exception {
        // A short drain: the torn reception below never finishes, stop must not wait long for it.
        MailQueue q = started(settings(dir).withDrain(200));
        long committed = send(q);
        // a reception in progress when the process died: never acknowledged, so garbage
        IncomingMessage torn = q.receive(q.allocateMid(), envelope("x@example.org", "y@example.com"), null);
        torn.write(ByteBuffer.wrap(new byte[40_000]));
        q.stop();
        Files.write(dir.resolve("incoming/999.msg"), "GATEHOUSE-SPOOL 1\nmid 999\nfr".getBytes(StandardCharsets.US_ASCII));

        MailQueue again = started(settings(dir));
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        again.delivery().bind(delivery);
        try (var files = Files.list(dir.resolve("incoming"))) {
            assertEquals(0, files.count());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(committed) != null);
        assertEquals(1, delivery.enqueued.size());
        assertTrue(again.allocateMid() > 999, "a MID seen in incoming/ is not handed out again");
        again.stop();
    }

    @Test
    void crashBetweenRenameAndStateRunsTheStagesAgain() throws Exception {
        MailQueue q = started(settings(dir));
        long mid = send(q);
        q.stop();
        // what a crash leaves: the message renamed into active/, a state rewrite never renamed,
        // and the state of a message whose file is already gone
        Files.write(dir.resolve("active/" + mid + ".state.tmp"), "GATEHOUSE-STATE 1\nphase DEL".getBytes());
        Files.write(dir.resolve("active/12345.state"), "GATEHOUSE-STATE 1\nend\n".getBytes());
        Files.write(dir.resolve("active/" + mid + ".state"), "GATEHOUSE-STATE 1\nphase DELIVERY\nrc".getBytes());

        MailQueue again = new MailQueue(settings(dir), java.time.Clock.systemUTC());
        StageCounter counter = new StageCounter();
        again.stages().add(counter, QueueFixture.stageProps("counter", 100, null, 1), "1.0.0");
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        again.delivery().bind(delivery);
        again.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(1, counter.runs.get(), "a torn state is not trusted: the stages run again");
        assertFalse(Files.exists(dir.resolve("active/" + mid + ".state.tmp")));
        assertFalse(Files.exists(dir.resolve("active/12345.state")));
        assertEquals(2, delivery.get(mid).pending().size());
        again.stop();
    }

    @Test
    void unreadableMessageFileIsSetAsideNotDeleted() throws Exception {
        Files.createDirectories(dir.resolve("active"));
        Files.write(dir.resolve("active/77.msg"), "not a spool file\n\nat all".getBytes());
        MailQueue q = started(settings(dir));
        assertTrue(q.messages().isEmpty());
        try (var files = Files.list(dir.resolve("corrupt"))) {
            assertEquals(1, files.count());
        }
        assertTrue(q.allocateMid() > 77);
        q.stop();
    }

    @Test
    void envelopeWithHostileFieldsReadsBackExactly() throws Exception {
        Envelope env = new Envelope("we ird%20\r\nrcpt 9 evil@x", List.of(new Recipient(0, "\"a b\"@example.com"),
                new Recipient(1, "ü@exämple.com")), true, "BINARYMIME");
        Connection conn = new Connection(7, "pub lic", "::1", null, false, "HELO\r\n\nmid 1", null, "G", "P", -2.5,
                java.util.Set.of("antispam", "antivirus"), "jo\r\nrcpt 1 x@y",
                java.util.Map.of("antivirus.engine", "clamd", "odd.key", "a=b\r\nstage-setting x=y"));
        Instant received = Instant.parse("2026-11-23T12:00:00.123Z");
        byte[] bytes = EnvelopeFormat.encode(42, env, conn, received);
        Path file = dir.resolve("42.msg");
        Files.write(file, bytes);
        Files.write(file, "content".getBytes(), java.nio.file.StandardOpenOption.APPEND);

        MessageHeader h = EnvelopeFormat.read(file);
        assertEquals(42, h.mid());
        assertEquals(env, h.envelope());
        assertEquals(conn, h.connection());
        assertEquals(received, h.received());
        assertEquals(bytes.length, h.contentOffset());
    }

    @Test
    void stateFileRoundTrips() throws Exception {
        List<Recipient> rcpts = List.of(new Recipient(0, "a@x"), new Recipient(1, "b@y"), new Recipient(2, "c@z"));
        MessageState state = new MessageState(Phase.DELIVERY, null, List.of(
                new RecipientProgress(rcpts.get(0), RecipientOutcome.DELIVERED, 1, "250 ok", null),
                new RecipientProgress(rcpts.get(1), RecipientOutcome.PENDING, 3, "451 4.4.1 try later",
                        Instant.ofEpochMilli(1_790_000_000_000L)),
                RecipientProgress.fresh(rcpts.get(2))),
                List.of(new AddedHeader("X-Gatehouse-Spam", "negative score 1")),
                new java.util.LinkedHashMap<>(java.util.Map.of("antispam score", "1 2")));
        MessageState back = StateFormat.decode(StateFormat.encode(state), rcpts);
        assertEquals(state, back);
    }

    /** Counts how often the stages ran. */
    static final class StageCounter implements org.gatehouse.api.MessageStage {
        final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public org.gatehouse.api.StageResult process(org.gatehouse.api.MailMessage message) {
            runs.incrementAndGet();
            return org.gatehouse.api.StageResult.proceed();
        }
    }
}
