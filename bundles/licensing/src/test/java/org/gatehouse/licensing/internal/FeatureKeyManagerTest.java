package org.gatehouse.licensing.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.gatehouse.licensing.internal.FeatureKeyException.Reason;
import org.gatehouse.licensing.internal.FeatureStatus.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureKeyManagerTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant X = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(START);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<FeatureKeyManager> started = new ArrayList<>();
    private Recorders.Registry registry = new Recorders.Registry();
    private Recorders.Installer installer = new Recorders.Installer();
    private Recorders.Log log = new Recorders.Log();

    @AfterEach
    void stopAll() {
        started.forEach(FeatureKeyManager::stop);
        timer.shutdownNow();
    }

    private FeatureKeyManager start(int evaluationDays) throws IOException {
        return start(evaluationDays, clock);
    }

    private FeatureKeyManager start(int evaluationDays, Clock c) throws IOException {
        Settings settings = new Settings(TestKeys.devSigners(), evaluationDays, List.of("antispam", "antivirus"),
                Map.of("antivirus", "gatehouse-antivirus-clamd"), List.of(30, 15, 5));
        FeatureKeyManager m = new FeatureKeyManager(settings, folder, c, new SecureRandom(), timer, Runnable::run,
                registry, installer, log);
        m.start();
        started.add(m);
        return m;
    }

    /** A restart: the old instance stops, a new one with fresh services starts on the same folder. */
    private FeatureKeyManager restart(FeatureKeyManager old, int evaluationDays) throws IOException {
        old.stop();
        registry = new Recorders.Registry();
        installer = new Recorders.Installer();
        log = new Recorders.Log();
        return start(evaluationDays);
    }

    @Test
    void aNewInstallationGetsOneEvaluationOfEveryFeature() throws Exception {
        FeatureKeyManager m = start(30);
        Instant end = START.plus(Duration.ofDays(30));
        assertEquals(Map.of("antispam", end, "antivirus", end), registry.published);
        assertEquals(List.of("gatehouse-antispam", "gatehouse-antivirus-clamd"), installer.installed);
        assertTrue(log.lines.contains("Info: Evaluation of antispam, antivirus started, until " + end), log.lines.toString());
        assertEquals(State.EVALUATION, m.features().get(0).state());

        // Ten days on, a restart (or reinstalling the bundle) does not renew it...
        clock.advance(Duration.ofDays(10));
        m = restart(m, 30);
        assertEquals(Map.of("antispam", end, "antivirus", end), registry.published);
        // ...and once it is over, it stays over.
        clock.set(end.plusSeconds(1));
        m = restart(m, 30);
        assertEquals(Map.of(), registry.published);
        assertEquals(List.of(State.EXPIRED, State.EXPIRED), m.features().stream().map(FeatureStatus::state).toList());
    }

    @Test
    void noEvaluationWhereKeysAreAlreadyInstalledOrItIsTurnedOff() throws Exception {
        FeatureKeyManager m = start(0);
        assertEquals(Map.of(), registry.published);
        m.install(TestKeys.mint("k1", m.installationId(), Map.of("reputation", X)));
        restart(m, 30);
        assertEquals(Map.of("reputation", X), registry.published);
        assertFalse(Files.exists(folder.resolve(Evaluation.FILE)));
    }

    @Test
    void installingAKeyGrantsItsFeaturesAndInstallsTheirKarafFeatures() throws Exception {
        FeatureKeyManager m = start(0);
        FeatureKey key = m.install(TestKeys.mint("k1", m.installationId(), Map.of("antispam", X, "antivirus", X)));
        assertEquals("k1", key.keyId());
        assertEquals(Map.of("antispam", X, "antivirus", X), registry.published);
        // Each Karaf feature is asked for once, not once per grant and again per key feature.
        assertEquals(List.of("gatehouse-antispam", "gatehouse-antivirus-clamd"),
                installer.installed.stream().sorted().toList());
        assertTrue(Files.exists(folder.resolve("k1.key")));
        assertTrue(log.lines.contains("Info: Feature key k1 installed: antispam until " + X + ", antivirus until " + X),
                log.lines.toString());
        FeatureStatus antispam = m.features().get(0);
        assertEquals(new FeatureStatus("antispam", State.ACTIVE, X, "k1"), antispam);
        assertEquals(39, antispam.daysLeft(m.now()));
    }

    @Test
    void refusedKeysChangeNothing() throws Exception {
        FeatureKeyManager m = start(30);
        String id = m.installationId();
        String good = TestKeys.mint("k1", id, Map.of("antispam", X));
        SignedFeatureKey parsed = FeatureKeyFormat.read(good);
        byte[] badSignature = parsed.signature().clone();
        badSignature[0] ^= 1;
        Map<String, Reason> refused = Map.of(
                "-----BEGIN GATEHOUSE FEATURE KEY-----\nAAAA\n-----END GATEHOUSE FEATURE KEY-----", Reason.MALFORMED,
                FeatureKeyFormat.armor(parsed.body(), badSignature), Reason.FORGED,
                TestKeys.mint(TestKeys.otherKey(), "k2", id, Map.of("antispam", X)), Reason.UNKNOWN_SIGNER,
                TestKeys.mint("k3", "GH-0000-0000-0000-0000-0000", Map.of("antispam", X)), Reason.OTHER_INSTALLATION,
                TestKeys.mint("k4", id, Map.of("antispam", START.minusSeconds(1))), Reason.EXPIRED);
        List<String> filesBefore = files();
        List<String> callsBefore = List.copyOf(registry.calls);
        List<String> logBefore = List.copyOf(log.lines);
        refused.forEach((text, reason) -> {
            FeatureKeyException e = assertThrows(FeatureKeyException.class, () -> m.install(text));
            assertEquals(reason, e.reason(), e.getMessage());
        });
        assertEquals(filesBefore, files());
        assertEquals(callsBefore, registry.calls);
        assertEquals(logBefore, log.lines);
        assertEquals(List.of(), m.installedKeys());
    }

    @Test
    void keysAndTheInstallationIdSurviveARestart() throws Exception {
        FeatureKeyManager m = start(0);
        String id = m.installationId();
        m.install(TestKeys.mint("k1", id, Map.of("antispam", X)));
        FeatureKeyManager again = restart(m, 0);
        assertEquals(id, again.installationId());
        assertEquals(Map.of("antispam", X), registry.published);
        assertEquals(List.of("gatehouse-antispam"), installer.installed);
        assertEquals(List.of("k1"), again.installedKeys().stream().map(FeatureKey::keyId).toList());
    }

    @Test
    void aKeyThatNoLongerVerifiesIsIgnoredButKept() throws Exception {
        FeatureKeyManager m = start(0);
        m.install(TestKeys.mint("k1", m.installationId(), Map.of("antispam", X)));
        Files.writeString(folder.resolve("k1.key"), Files.readString(folder.resolve("k1.key")).replace("=", "=A"));
        FeatureKeyManager again = restart(m, 30);
        assertEquals(List.of(), again.installedKeys());
        assertEquals(Map.of(), registry.published, "a key file was there: no evaluation either");
        assertTrue(Files.exists(folder.resolve("k1.key")));
    }

    @Test
    void removesByKeyIdOrBySoleFeature() throws Exception {
        FeatureKeyManager m = start(0);
        m.install(TestKeys.mint("k1", m.installationId(), Map.of("antispam", X, "antivirus", X)));
        m.install(TestKeys.mint("k2", m.installationId(), Map.of("reputation", X)));

        FeatureKeyException ambiguous = assertThrows(FeatureKeyException.class, () -> m.remove("antispam"));
        assertEquals(Reason.AMBIGUOUS, ambiguous.reason());
        assertTrue(ambiguous.getMessage().contains("key k1 also unlocks antivirus"), ambiguous.getMessage());
        FeatureKeyException missing = assertThrows(FeatureKeyException.class, () -> m.remove("k9"));
        assertEquals(Reason.NOT_FOUND, missing.reason());
        assertEquals(3, registry.published.size());

        assertEquals(List.of("k2"), m.remove("reputation"));
        assertEquals(List.of("k1"), m.remove("k1"));
        assertEquals(Map.of(), registry.published);
        assertEquals(List.of(), files());
        assertTrue(log.lines.contains("Warning: Feature key k1 removed: antispam, antivirus off from now on"), log.lines.toString());
    }

    @Test
    void aRenewedKeyMovesTheExpiryWithoutWithdrawingTheEntitlement() throws Exception {
        FeatureKeyManager m = start(0);
        m.install(TestKeys.mint("k1", m.installationId(), Map.of("antispam", X)));
        Instant later = X.plus(Duration.ofDays(365));
        m.install(TestKeys.mint("k2", m.installationId(), Map.of("antispam", later)));
        assertEquals(Map.of("antispam", later), registry.published);
        assertEquals(List.of("grant antispam", "grant antispam"), registry.calls);
    }

    @Test
    void expiryTakesEffectAtTheInstantWithWarningsBefore() throws Exception {
        clock.set(X.minus(Duration.ofDays(40)));
        FeatureKeyManager m = start(0);
        m.install(TestKeys.mint("k1", m.installationId(), Map.of("antivirus", X)));
        assertEquals(clock.instant().plus(FeatureKeyManager.MAX_SLEEP), m.nextWakeUp(), "nothing due within the hour");
        assertEquals(List.of(), log.warnings());

        for (int days : new int[] {30, 15, 5}) {
            clock.set(X.minus(Duration.ofDays(days)).minusMillis(1));
            m.refresh();
            assertEquals(X.minus(Duration.ofDays(days)), m.nextWakeUp());
            clock.set(X.minus(Duration.ofDays(days)));
            m.refresh();
            m.refresh();
            assertEquals(List.of("Warning: Feature key for antivirus expires in " + days + " days, at " + X
                    + "; install a renewed key with featurekey-install"), log.warnings(), "once, at " + days + " days");
            log.lines.clear();
        }
        clock.set(X.minusMillis(1));
        m.refresh();
        assertEquals(X, m.nextWakeUp());
        assertEquals(Map.of("antivirus", X), registry.published);

        clock.set(X);
        m.refresh();
        assertEquals(Map.of(), registry.published);
        assertEquals(List.of("Warning: Feature key for antivirus expired: antivirus is off from now on"), log.warnings());
        assertEquals(new FeatureStatus("antivirus", State.EXPIRED, X, "k1"), m.features().get(0));
        m.refresh();
        assertEquals(1, log.warnings().size(), "announced once");
    }

    @Test
    void theTimerRevokesAnEntitlementWhenItExpires() throws Exception {
        Clock real = Clock.systemUTC();
        FeatureKeyManager m = start(0, real);
        Instant soon = real.instant().plusMillis(300);
        m.install(TestKeys.mint("k1", m.installationId(), Map.of("antivirus", soon, "antispam", X.plus(Duration.ofDays(400)))));
        assertEquals(soon, m.nextWakeUp());
        assertTrue(registry.published.containsKey("antivirus"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !registry.published.containsKey("antivirus"));
        assertFalse(real.instant().isBefore(soon), "not revoked early");
        assertTrue(registry.published.containsKey("antispam"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                log.warnings().contains("Warning: Feature key for antivirus expired: antivirus is off from now on"));
        assertNotEquals(soon, m.nextWakeUp());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".key")).sorted().toList();
        }
    }
}
