package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpfRecordTest {

    @Test
    void termsAndModifiers() throws SpfException {
        SpfRecord r = SpfRecord.parse("v=spf1 a mx/24 a:%{d}.hosts.example//64 ?ptr ~ip4:192.0.2.0/24 -ip6:2001:db8::/32 "
                + "include:_spf.example exists:%{i}.x.example redirect=other.example exp=why.example -all");
        List<SpfRecord.Mechanism> m = r.mechanisms();
        assertEquals(9, m.size());
        assertNull(m.get(0).domainSpec());
        assertEquals(24, m.get(1).cidr4());
        assertEquals("%{d}.hosts.example", m.get(2).domainSpec());
        assertEquals(64, m.get(2).cidr6());
        assertEquals('?', m.get(3).qualifier());
        assertEquals("192.0.2.0", m.get(4).domainSpec());
        assertEquals(24, m.get(4).cidr4());
        assertEquals(32, m.get(5).cidr6());
        assertEquals("_spf.example", m.get(6).domainSpec());
        assertEquals("other.example", r.redirect());
        assertEquals("why.example", r.exp());
    }

    @Test
    void recognisesSpfRecords() {
        assertTrue(SpfRecord.isSpf("v=spf1"));
        assertTrue(SpfRecord.isSpf("V=SPF1 -all"));
        assertFalse(SpfRecord.isSpf("v=spf10 -all"));
        assertFalse(SpfRecord.isSpf("spf2.0/pra -all"));
    }

    @Test
    void syntaxErrors() {
        for (String bad : List.of("v=spf1 a:", "v=spf1 ip4:192.0.2.0/33", "v=spf1 ip6:192.0.2.1", "v=spf1 ptr/24",
                "v=spf1 include", "v=spf1 all:x", "v=spf1 redirect=a.example redirect=b.example", "v=spf1 mx/40")) {
            assertEquals(SpfResult.PERMERROR, assertThrows(SpfException.class, () -> SpfRecord.parse(bad), bad).result(), bad);
        }
    }
}
