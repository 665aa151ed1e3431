package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.junit.jupiter.api.Test;

class ReputationEngineTest {

    /** Answers from a table: query name -> answer addresses; "FAIL" fails the zone. */
    static final class TableLookup implements ZoneLookup {
        final Map<String, List<String>> table = new ConcurrentHashMap<>();
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public List<ZoneAnswer> lookup(InetAddress host, List<ReputationZone> zones) {
            lookups.incrementAndGet();
            List<ZoneAnswer> answers = new ArrayList<>();
            for (ReputationZone zone : zones) {
                List<String> a = table.get(IpAddresses.queryName(host, zone.name()));
                answers.add(a == null ? ZoneAnswer.notListed(zone.name())
                        : a.equals(List.of("FAIL")) ? ZoneAnswer.failed(zone.name(), "timeout")
                        : ZoneAnswer.listed(zone, a));
            }
            return answers;
        }
    }

    static final class RecordingLog implements MailLog {
        final List<MailEvent> warnings = new CopyOnWriteArrayList<>();

        @Override
        public void info(MailEvent event) {
        }

        @Override
        public void warning(MailEvent event) {
            warnings.add(event);
        }
    }

    private final MutableClock clock = new MutableClock();
    private final TableLookup dns = new TableLookup();
    private final TestConfig config = new TestConfig().zones("block.test 127.0.0.2=-8.5 127.0.0.3=-4", "allow.test 127.0.0.10=+3");

    private ReputationEngine engine() {
        return new ReputationEngine(config, dns, "test", clock);
    }

    @Test
    void listedHostScoresTheZoneMapping() {
        dns.table.put("7.113.0.203.block.test", List.of("127.0.0.3"));
        dns.table.put("7.113.0.203.allow.test", List.of("127.0.0.10"));
        ReputationEngine engine = engine();
        assertEquals(-4.0, engine.score("203.0.113.7"));
        assertNull(engine.score("203.0.113.8"), "an unlisted stranger scores none");
    }

    @Test
    void answersAreCachedForTheTtl() {
        dns.table.put("7.113.0.203.block.test", List.of("127.0.0.2"));
        ReputationEngine engine = engine();
        engine.score("203.0.113.7");
        engine.score("203.0.113.7");
        assertEquals(1, dns.lookups.get());
        clock.advance(Duration.ofSeconds(600));
        Reputation.Explanation why = engine.explain("203.0.113.7");
        assertEquals(Duration.ofSeconds(600), why.cacheAge());
        dns.table.remove("7.113.0.203.block.test");
        assertEquals(-8.5, why.score(), "still the cached listing");
        clock.advance(Duration.ofSeconds(300));
        assertNull(engine.score("203.0.113.7"), "delisted once the TTL is over");
        assertEquals(2, dns.lookups.get());
    }

    @Test
    void aFailingZoneMeansNoneAndIsAskedAgainSoon() {
        dns.table.put("7.113.0.203.block.test", List.of("FAIL"));
        ReputationEngine engine = engine();
        assertNull(engine.score("203.0.113.7"));
        clock.advance(Duration.ofSeconds(29));
        engine.score("203.0.113.7");
        assertEquals(1, dns.lookups.get());
        clock.advance(Duration.ofSeconds(1));
        engine.score("203.0.113.7");
        assertEquals(2, dns.lookups.get());
    }

    @Test
    void aZoneThatKeepsFailingIsReportedOncePerQuietPeriod() {
        dns.table.put("1.0.0.10.block.test", List.of("FAIL"));
        RecordingLog log = new RecordingLog();
        config.cacheFailureTtlSeconds = 0;
        ReputationEngine uncached = new ReputationEngine(config, dns, "test", clock);
        uncached.mailLog = log;
        for (int i = 0; i < 10; i++) {
            uncached.score("10.0.0.1");
        }
        assertEquals(1, log.warnings.size());
        assertEquals("reputation.zone.failing", log.warnings.get(0).type());
        assertTrue(log.warnings.get(0).text().startsWith("reputation zone block.test not answering: 3 failed lookups in a row"));
        clock.advance(ReputationEngine.WARNING_QUIET_PERIOD);
        uncached.score("10.0.0.1");
        assertEquals(2, log.warnings.size());
        assertEquals(11, uncached.status().zones().get(0).failuresInRow());
        assertEquals(0, uncached.status().zones().get(1).failuresTotal());
    }

    @Test
    void historyMovesTheScoreAndAloneCanGiveOne() {
        dns.table.put("7.113.0.203.allow.test", List.of("127.0.0.10"));
        ReputationEngine engine = engine();
        for (int i = 0; i < 20; i++) {
            engine.learn("203.0.113.7", i, MessageOutcome.SPAM);
            engine.learn("203.0.113.9", 100 + i, MessageOutcome.CLEAN);
        }
        assertEquals(Scores.clamp(3.0 - 4.0), engine.score("203.0.113.7"));
        assertEquals(4.0, engine.score("203.0.113.9"), "no listing: history alone");
        Reputation.Explanation why = engine.explain("203.0.113.7");
        assertEquals(20.0, why.history().spam(), 1e-9);
        assertEquals(-4.0, why.historyPoints(), 1e-9);
        assertEquals(3.0, why.dnsScore());
    }

    @Test
    void forgetClearsHistoryAndCache() {
        dns.table.put("7.113.0.203.block.test", List.of("127.0.0.2"));
        ReputationEngine engine = engine();
        for (int i = 0; i < 10; i++) {
            engine.learn("203.0.113.7", i, MessageOutcome.SPAM);
        }
        engine.score("203.0.113.7");
        assertEquals(1, engine.status().cachedHosts());
        assertEquals(1, engine.status().knownHosts());
        assertTrue(engine.forget("203.0.113.7"));
        assertEquals(0, engine.status().cachedHosts());
        assertEquals(0, engine.status().knownHosts());
        assertFalse(engine.forget("203.0.113.7"));
        engine.score("203.0.113.7");
        assertEquals(2, dns.lookups.get());
    }

    @Test
    void addressesAreNormalisedSoOneHostIsOneEntry() {
        ReputationEngine engine = engine();
        engine.learn("2001:db8::1", 1, MessageOutcome.CLEAN);
        engine.learn("2001:DB8:0:0:0:0:0:1", 2, MessageOutcome.CLEAN);
        engine.learn("::ffff:192.0.2.1", 3, MessageOutcome.CLEAN);
        engine.learn("192.0.2.1", 4, MessageOutcome.CLEAN);
        assertEquals(2, engine.status().knownHosts());
        engine.learn("not-an-address", 5, MessageOutcome.SPAM);
        assertEquals(2, engine.status().knownHosts());
        assertThrows(IllegalArgumentException.class, () -> engine.score("mail.example.com"));
    }

    @Test
    void disabledScoresNoneWithoutAskingDns() {
        config.enabled = false;
        dns.table.put("7.113.0.203.block.test", List.of("127.0.0.2"));
        ReputationEngine engine = engine();
        assertNull(engine.score("203.0.113.7"));
        assertEquals(0, dns.lookups.get());
        assertFalse(engine.status().enabled());
    }

    @Test
    void noZonesNoDnsAtAll() {
        config.zones = new String[0];
        ReputationEngine engine = engine();
        assertNull(engine.score("203.0.113.7"));
        assertEquals(0, dns.lookups.get());
    }

    @Test
    void aBadSettingIsReportedNotFatal() {
        config.zones = new String[] {"block.test 127.0.0.2=-8.5, typo.test 127.0.0.2=minus-eight"};
        config.dnsServer = "127.0.0.1:notaport";
        ReputationEngine engine = new ReputationEngine(config);
        Reputation.Status status = engine.status();
        assertEquals(List.of("block.test"), status.zones().stream().map(Reputation.ZoneStatus::zone).toList());
        assertEquals(2, status.configErrors().size(), status.configErrors().toString());
        assertTrue(status.configErrors().get(0).startsWith("zone ignored: score in zone typo.test is not a number"));
        assertTrue(status.configErrors().get(1).startsWith("dns.server 127.0.0.1:notaport unusable"));
        Reputation.Explanation why = engine.explain("203.0.113.7");
        assertNull(why.score());
        assertEquals(ZoneAnswer.Status.FAILED, why.zones().get(0).status());
    }
}
