package org.gatehouse.queue.internal;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.gatehouse.api.DeliveryQueue;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.QueuedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A throughput check run by hand, not a timed test:
 * {@code mvn -o -q test -pl bundles/queue -Dtest=SpoolThroughputCheck -Dgatehouse.bench=true}.
 * Fifty writers commit 2 KB messages (fsync on, real disk under target/), with a delivery queue
 * that reports every message delivered at once, so each message is written, forced, renamed,
 * passed through the (empty) pipeline and deleted.
 */
@EnabledIfSystemProperty(named = "gatehouse.bench", matches = "true")
class SpoolThroughputCheck {

    private static final int WRITERS = Integer.getInteger("gatehouse.bench.writers", 50);
    private static final int MESSAGES = Integer.getInteger("gatehouse.bench.messages", 20_000);
    /** Offered load in messages/s over all writers; 0 = as fast as the spool takes them. */
    private static final int RATE = Integer.getInteger("gatehouse.bench.rate", 0);

    @Test
    void fiftyWritersOfTwoKilobyteMessages() throws Exception {
        Path dir = Path.of("target/bench-spool");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        QueueSettings d = QueueSettings.defaults(dir);
        int forcers = Integer.getInteger("gatehouse.bench.forcers", d.forceThreads());
        MailQueue q = new MailQueue(new QueueSettings(dir, d.workers(), d.fsync(), d.stageGraceMillis(),
                d.retryInitial(), d.retryMax(), forcers, d.midBlock(), d.drainMillis()), Clock.systemUTC());
        AtomicInteger delivered = new AtomicInteger();
        CountDownLatch allDelivered = new CountDownLatch(MESSAGES);
        q.delivery().bind(new DeliveryQueue() {
            @Override
            public void enqueue(QueuedMessage m) {
                m.delivered(List.of(0), "250 ok");
                delivered.incrementAndGet();
                allDelivered.countDown();
            }

            @Override
            public boolean deliverNow(long mid) {
                return false;
            }

            @Override
            public void remove(long mid) {
            }
        });
        q.start();
        byte[] body = new byte[2048];
        Arrays.fill(body, (byte) 'x');
        Envelope env = QueueFixture.envelope("a@example.org", "b@example.com");
        long[] latencies = new long[MESSAGES];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(WRITERS);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < MESSAGES) {
                        if (RATE > 0) {
                            long due = start + (long) i * 1_000_000_000L / RATE;
                            java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                        }
                        long t0 = System.nanoTime();
                        IncomingMessage in = q.receive(q.allocateMid(), env, QueueFixture.CONNECTION);
                        in.write(ByteBuffer.wrap(body));
                        in.commit().toCompletableFuture().get(30, TimeUnit.SECONDS);
                        latencies[i] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "writer-" + w).start();
        }
        done.await(10, TimeUnit.MINUTES);
        double committedSecs = (System.nanoTime() - start) / 1e9;
        allDelivered.await(60, TimeUnit.SECONDS);
        double deliveredSecs = (System.nanoTime() - start) / 1e9;
        double cpuMsPerMessage = (os.getProcessCpuTime() - cpuStart) / 1e6 / MESSAGES;
        q.stop();
        Arrays.sort(latencies);
        System.out.printf("%d writers, offered %s msgs/s, %d force threads, %d x 2 KB, fsync on: %.0f commits/s, %.0f delivered+deleted/s, "
                        + "commit latency p50 %.2f ms p99 %.2f ms max %.2f ms, failures %d, CPU %.3f ms/msg (incl. the 50 writer threads)%n",
                WRITERS, RATE == 0 ? "max" : RATE, forcers, MESSAGES, MESSAGES / committedSecs, delivered.get() / deliveredSecs,
                latencies[MESSAGES / 2] / 1e6, latencies[MESSAGES * 99 / 100] / 1e6, latencies[MESSAGES - 1] / 1e6,
                failures.get(), cpuMsPerMessage);
    }
}
