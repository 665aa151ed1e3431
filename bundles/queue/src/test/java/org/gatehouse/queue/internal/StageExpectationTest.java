package org.gatehouse.queue.internal;

import static org.awaitility.Awaitility.await;
import static org.gatehouse.queue.internal.QueueFixture.send;
import static org.gatehouse.queue.internal.QueueFixture.settings;
import static org.gatehouse.queue.internal.QueueFixture.stageProps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.api.Licences;
import org.gatehouse.api.MessageStage;
import org.gatehouse.api.StageResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fail closed: which absent stages messages wait for, across updates, licences and restarts. */
class StageExpectationTest {

    @TempDir
    Path dir;

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final QueueFixture.RecordingDelivery delivery = new QueueFixture.RecordingDelivery();
    private final Set<String> licensed = ConcurrentHashMap.newKeySet();
    private final Licences licences = licensed::contains;
    private MailQueue queue;
    private long serviceId = 1;

    /** Grace 0: only a licence makes messages wait past the moment a stage left. */
    private MailQueue start() throws Exception {
        queue = new MailQueue(settings(dir).withStageGrace(0), Clock.systemUTC());
        queue.delivery().bind(delivery);
        queue.stages().licences(licences);
        queue.start();
        return queue;
    }

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.stop();
        }
    }

    private MessageStage antivirus(Map<String, Object> extra) {
        MessageStage s = m -> {
            ran.add("antivirus");
            return StageResult.proceed();
        };
        Map<String, Object> props = new HashMap<>(stageProps("antivirus", 400, null, serviceId++));
        props.put(MessageStage.FEATURE, "antivirus");
        props.putAll(extra);
        queue.stages().add(s, props, "0.1." + serviceId);
        return s;
    }

    private void assertWaits(long mid) {
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> delivery.get(mid) == null);
    }

    @Test
    void aLicensedStageBeingUpdatedIsWaitedForPastTheGracePeriod() throws Exception {
        licensed.add("antivirus");
        start();
        queue.stages().remove(antivirus(Map.of()));
        long mid = send(queue);
        assertWaits(mid);
        StageView row = queue.stages().view(() -> 1).get(0);
        assertEquals(List.of("antivirus", "waiting", "yes", 1), List.of(row.name(), row.state(), row.licensed(), row.waiting()));
        antivirus(Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of("antivirus"), ran, "scanned by the new version, not passed unscanned");
        assertEquals("active", queue.stages().view(() -> 0).get(0).state());
    }

    @Test
    void anUnlicensedStageIsNotExpected() throws Exception {
        licensed.add("antivirus");
        start();
        MessageStage stage = antivirus(Map.of());
        licensed.remove("antivirus"); // licensing withdraws the feature first, then the entitlement
        queue.stages().remove(stage);
        long mid = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of(), ran);
        StageView row = queue.stages().view(() -> 0).get(0);
        assertEquals(List.of("not expected", "no"), List.of(row.state(), row.licensed()));
    }

    @Test
    void whileLicensingItselfIsAwayTheGracePeriodApplies() throws Exception {
        licensed.add("antivirus");
        queue = new MailQueue(settings(dir).withStageGrace(60_000), Clock.systemUTC());
        queue.delivery().bind(delivery);
        queue.start();
        MessageStage stage = antivirus(Map.of());
        queue.stages().remove(stage); // the licensing bundle is updated: entitlements and stages go at once
        long mid = send(queue);
        assertWaits(mid);
        assertEquals("unknown", queue.stages().view(() -> 0).get(0).licensed());
        queue.stages().licences(licences);
        antivirus(Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of("antivirus"), ran);
    }

    @Test
    void aDisabledStageIsNeitherRunNorWaitedFor() throws Exception {
        licensed.add("antivirus");
        start();
        MessageStage disabled = antivirus(Map.of(MessageStage.ENABLED, false));
        long first = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(first) != null);
        assertEquals("disabled", queue.stages().view(() -> 0).get(0).state());
        queue.stages().remove(disabled);
        long second = send(queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(second) != null);
        assertEquals(List.of(), ran);
    }

    @Test
    void afterARestartMessagesWaitForKnownLicensedStagesToComeUp() throws Exception {
        licensed.add("antivirus");
        start();
        antivirus(Map.of());
        queue.stop();
        start(); // the stage's bundle has not started yet
        long mid = send(queue);
        assertWaits(mid);
        antivirus(Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of("antivirus"), ran);
    }

    @Test
    void forgettingAnAbsentStageReleasesTheMessagesWaitingForIt() throws Exception {
        licensed.add("antivirus");
        start();
        MessageStage stage = antivirus(Map.of());
        assertFalse(queue.stages().forget("antivirus"), "a running stage is disabled, not forgotten");
        queue.stages().remove(stage);
        long mid = send(queue);
        assertWaits(mid);
        assertTrue(queue.stages().forget("antivirus"));
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.get(mid) != null);
        assertEquals(List.of(), queue.stages().view(() -> 0));
    }
}
