package org.gatehouse.licensing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.licensing.internal.ExpiryNotices.Notice;
import org.gatehouse.licensing.internal.FeatureStatus.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpiryArithmeticTest {

    private static final Instant X = Instant.parse("2027-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path folder;

    @Test
    void daysLeftCountsAStartedDayAsADay() {
        FeatureStatus s = new FeatureStatus("antispam", State.ACTIVE, X, "k1");
        assertEquals(30, s.daysLeft(X.minus(Duration.ofDays(30))));
        assertEquals(15, s.daysLeft(X.minus(Duration.ofDays(15)).plusMillis(3)), "a timer firing late still says 15");
        assertEquals(1, s.daysLeft(X.minusSeconds(1)));
        assertEquals(0, s.daysLeft(X));
        assertEquals(0, s.daysLeft(X.plus(DAY)));
    }

    @Test
    void theLongestGrantWinsAndAKeyBeatsTheEvaluationOnATie() {
        Instant now = X.minus(Duration.ofDays(10));
        FeatureKey shortKey = key("k1", Map.of("antispam", X, "antivirus", X.minus(Duration.ofDays(20))));
        FeatureKey longKey = key("k2", Map.of("antispam", X.plus(Duration.ofDays(365))));
        Map<String, FeatureStatus> s = Licences.at(now, List.of(shortKey, longKey), Optional.of(X),
                List.of("antispam", "reputation", "antivirus"));
        assertEquals(new FeatureStatus("antispam", State.ACTIVE, X.plus(Duration.ofDays(365)), "k2"), s.get("antispam"));
        assertEquals(new FeatureStatus("reputation", State.EVALUATION, X, null), s.get("reputation"));
        // antivirus: the key ran out 10 days ago, the evaluation still runs.
        assertEquals(new FeatureStatus("antivirus", State.EVALUATION, X, null), s.get("antivirus"));

        Map<String, FeatureStatus> tie = Licences.at(now, List.of(shortKey), Optional.of(X), List.of("antispam"));
        assertEquals(State.ACTIVE, tie.get("antispam").state());
    }

    @Test
    void aFeatureIsValidUpToButNotAtItsExpiry() {
        FeatureKey k = key("k1", Map.of("antispam", X));
        assertEquals(State.ACTIVE, Licences.at(X.minusNanos(1), List.of(k), Optional.empty(), List.of()).get("antispam").state());
        assertEquals(State.EXPIRED, Licences.at(X, List.of(k), Optional.empty(), List.of()).get("antispam").state());
        assertTrue(Licences.at(X, List.of(), Optional.empty(), List.of("antispam")).isEmpty(), "no evaluation recorded");
    }

    @Test
    void warnsAtThirtyFifteenAndFiveDaysThenAtExpiryEachOnce() throws Exception {
        ExpiryNotices notices = new ExpiryNotices(folder, List.of(30, 15, 5));
        FeatureStatus s = new FeatureStatus("antivirus", State.ACTIVE, X, "k1");
        assertEquals(List.of(), notices.due(X.minus(Duration.ofDays(31)), List.of(s)));
        assertEquals(Optional.of(X.minus(Duration.ofDays(30))), notices.next(X.minus(Duration.ofDays(31)), List.of(s)));

        Instant t30 = X.minus(Duration.ofDays(30));
        assertEquals(List.of(new Notice(s, 30)), notices.due(t30, List.of(s)));
        assertEquals(List.of(), notices.due(t30.plusSeconds(1), List.of(s)), "once");
        assertEquals(Optional.of(X.minus(Duration.ofDays(15))), notices.next(t30, List.of(s)));

        assertEquals(List.of(new Notice(s, 15)), notices.due(X.minus(Duration.ofDays(15)), List.of(s)));
        assertEquals(Optional.of(X.minus(Duration.ofDays(5))), notices.next(X.minus(Duration.ofDays(15)), List.of(s)));
        assertEquals(List.of(new Notice(s, 5)), notices.due(X.minus(Duration.ofDays(5)), List.of(s)));
        assertEquals(Optional.of(X), notices.next(X.minus(Duration.ofDays(5)), List.of(s)));
        assertEquals(List.of(), notices.due(X.minusSeconds(1), List.of(s)));

        FeatureStatus expired = new FeatureStatus("antivirus", State.EXPIRED, X, "k1");
        assertEquals(List.of(new Notice(expired, 0)), notices.due(X, List.of(expired)));
        assertEquals(List.of(), notices.due(X.plus(DAY), List.of(expired)), "expiry announced once");
        assertEquals(Optional.empty(), notices.next(X, List.of(expired)));
    }

    @Test
    void afterADowntimeOnlyTheMostUrgentMissedWarningIsSent() throws Exception {
        FeatureStatus s = new FeatureStatus("antivirus", State.ACTIVE, X, "k1");
        assertEquals(List.of(new Notice(s, 5)),
                new ExpiryNotices(folder, List.of(5, 30, 15)).due(X.minus(Duration.ofDays(3)), List.of(s)));
        // A new instance on the same folder (a restart) does not repeat it.
        assertEquals(List.of(), new ExpiryNotices(folder, List.of(30, 15, 5)).due(X.minus(Duration.ofDays(2)), List.of(s)));
    }

    @Test
    void aRenewedKeyGetsItsOwnWarnings() throws Exception {
        ExpiryNotices notices = new ExpiryNotices(folder, List.of(30, 15, 5));
        FeatureStatus old = new FeatureStatus("antivirus", State.ACTIVE, X, "k1");
        notices.due(X.minus(Duration.ofDays(4)), List.of(old));
        Instant renewed = X.plus(Duration.ofDays(365));
        FeatureStatus now = new FeatureStatus("antivirus", State.ACTIVE, renewed, "k2");
        assertEquals(List.of(), notices.due(X.minus(Duration.ofDays(4)), List.of(now)));
        assertEquals(List.of(new Notice(now, 30)), notices.due(renewed.minus(Duration.ofDays(30)), List.of(now)));
    }

    private static FeatureKey key(String id, Map<String, Instant> features) {
        return new FeatureKey(id, "0123456789abcdef", "GH-TEST", TestKeys.ISSUED, features);
    }
}
