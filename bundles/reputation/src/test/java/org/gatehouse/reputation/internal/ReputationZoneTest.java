package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReputationZoneTest {

    @Test
    void mapsAnswerCodesToScores() {
        ReputationZone zone = ReputationZone.parse("  SBRS.Example.NET. 127.0.0.2=-8.5 127.0.0.3=-4 127.0.0.10=+3 ");
        assertEquals("sbrs.example.net", zone.name());
        assertEquals(-8.5, zone.scoreOf("127.0.0.2"));
        assertEquals(-4.0, zone.scoreOf("127.0.0.3"));
        assertEquals(3.0, zone.scoreOf("127.0.0.10"));
        assertNull(zone.scoreOf("127.0.0.4"), "an answer the admin did not map scores nothing");
        assertEquals("sbrs.example.net 127.0.0.2=-8.5 127.0.0.3=-4.0 127.0.0.10=+3.0", zone.toString());
    }

    @Test
    void starMapsEveryOtherAnswer() {
        ReputationZone zone = ReputationZone.parse("bl.example 127.0.0.2=-9 *=-3");
        assertEquals(-9.0, zone.scoreOf("127.0.0.2"));
        assertEquals(-3.0, zone.scoreOf("127.0.0.99"));
    }

    @Test
    void severalZonesInOneValueOrMany() {
        List<ReputationZone> zones = ReputationZone.parseAll(new String[] {"a.test 127.0.0.2=-8, b.test 127.0.0.2=+2", "c.test *=-1"});
        assertEquals(List.of("a.test", "b.test", "c.test"), zones.stream().map(ReputationZone::name).toList());
        assertEquals(List.of(), ReputationZone.parseAll(new String[] {""}));
    }

    @Test
    void badZonesSayWhatIsWrong() {
        assertEquals("zone z.test maps no answer to a score",
                assertThrows(IllegalArgumentException.class, () -> ReputationZone.parse("z.test")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReputationZone.parse("z.test 127.0.0.2=-11"));
        assertThrows(IllegalArgumentException.class, () -> ReputationZone.parse("z.test 127.0.0.2=bad"));
        assertThrows(IllegalArgumentException.class, () -> ReputationZone.parse("z.test 127.0.0.2"));
        assertThrows(IllegalArgumentException.class, () -> ReputationZone.parse("z.test host.example=-2"));
        assertThrows(IllegalArgumentException.class, () -> ReputationZone.parse("127.0.0.2=-2"));
    }
}
