package org.gatehouse.hat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryParserTest {

    private static BigInteger ip(String text) {
        return IpAddresses.parse(text);
    }

    private static void assertRange(String entry, String first, String last) {
        HatEntry.AddressRange r = assertInstanceOf(HatEntry.AddressRange.class, EntryParser.parse(entry));
        assertEquals(ip(first), r.first(), entry + " first");
        assertEquals(ip(last), r.last(), entry + " last");
    }

    @Test
    void addressForms() {
        assertRange("192.0.2.7", "192.0.2.7", "192.0.2.7");
        assertRange("10.1.1.", "10.1.1.0", "10.1.1.255");
        assertRange("10.", "10.0.0.0", "10.255.255.255");
        assertRange("10.1.1.10-20", "10.1.1.10", "10.1.1.20");
        assertRange("10.1.1.250-10.1.2.5", "10.1.1.250", "10.1.2.5");
        assertRange("127.0.0.0/8", "127.0.0.0", "127.255.255.255");
        assertRange("192.0.2.77/24", "192.0.2.0", "192.0.2.255");
        assertRange("2001:db8::1", "2001:db8::1", "2001:db8::1");
        assertRange("2001:db8:", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
        assertRange("2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
        assertRange("0.0.0.0/0", "0.0.0.0", "255.255.255.255");
    }

    @Test
    void namesScoresListsAndAll() {
        assertEquals(new HatEntry.Hostname("Mail.Partner.test", "mail.partner.test"), EntryParser.parse("Mail.Partner.test"));
        assertEquals(new HatEntry.HostnameSuffix(".partner.test", ".partner.test"), EntryParser.parse(".partner.test"));
        assertEquals(new HatEntry.SbrsRange("SBRS[-10:-3]", -10, -3), EntryParser.parse("SBRS[-10:-3]"));
        assertEquals(new HatEntry.SbrsRange("sbrs[-1.5:10]", -1.5, 10), EntryParser.parse("sbrs[-1.5:10]"));
        assertInstanceOf(HatEntry.SbrsNone.class, EntryParser.parse("SBRS[none]"));
        assertEquals(new HatEntry.DnsList("dnslist[bl.test]", "bl.test"), EntryParser.parse("dnslist[bl.test]"));
        assertInstanceOf(HatEntry.All.class, EntryParser.parse("all"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.1.300", "10.1.1.20-10", "10.1.1.10-300", "1.2.3.4/33", "2001:db8::/129",
            "SBRS[-11:0]", "SBRS[3:1]", "SBRS[x]", "dnslist[]", "host name", "10.1.1.1.1", "2001:zz8::1", "", "-foo.example"})
    void refusesBadEntriesNamingThem(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntryParser.parse(entry));
        assertTrue(e.getMessage().contains("'" + entry.trim() + "'") || entry.isBlank(), e.getMessage());
    }
}
