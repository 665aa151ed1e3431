package org.gatehouse.queue.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.QueuedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code kill -9} of a JVM writing mail: every acknowledged message comes back whole. */
class KillDashNineTest {

    private static final int ACKS_BEFORE_KILL = 500;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesKillDashNine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString()).redirectErrorStream(false).start();
        Map<Long, Integer> acked = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while (acked.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                String[] p = line.split(" ");
                if (p.length == 3 && p[0].equals("ACK")) {
                    acked.put(Long.parseLong(p[1]), Integer.parseInt(p[2]));
                }
            }
            child.destroyForcibly(); // SIGKILL, in the middle of writes and commits
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(ACKS_BEFORE_KILL, acked.size(), "the writer stopped early");

        MailQueue q = new MailQueue(QueueFixture.settings(dir), Clock.systemUTC());
        QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
        q.delivery().bind(delivery);
        q.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery.enqueued.size() >= acked.size());
        for (Map.Entry<Long, Integer> e : acked.entrySet()) {
            QueuedMessage m = delivery.get(e.getKey());
            assertNotNull(m, "acknowledged MID " + e.getKey() + " lost");
            assertEquals((long) e.getValue(), m.size());
            assertTrue(QueueFixture.read(m).startsWith("Subject: " + e.getKey() + "\r\n"));
        }
        long next = q.allocateMid();
        assertTrue(acked.keySet().stream().allMatch(mid -> mid < next), "a MID would be reused");
        q.stop();
    }
}
