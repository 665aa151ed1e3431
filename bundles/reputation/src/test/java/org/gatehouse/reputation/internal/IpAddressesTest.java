package org.gatehouse.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void ipv4QueryNameIsTheReversedOctets() {
        assertEquals("4.3.2.1.sbrs.example.net", IpAddresses.queryName(IpAddresses.literal("1.2.3.4"), "sbrs.example.net"));
        assertEquals("2.0.0.127.sbrs.test", IpAddresses.queryName(IpAddresses.literal("127.0.0.2"), "SBRS.test"));
    }

    @Test
    void ipv6QueryNameIsTheReversedNibbles() {
        // RFC 5782 section 2.4's example.
        assertEquals("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.dnsbl.example",
                IpAddresses.queryName(IpAddresses.literal("4321:0:1:2:3:4:567:89ab"), "dnsbl.example"));
        assertEquals("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.z",
                IpAddresses.queryName(IpAddresses.literal("[2001:db8::1]"), "z"));
    }

    @Test
    void mappedIpv6IsQueriedAsIpv4() {
        assertEquals("7.113.0.203.z", IpAddresses.queryName(IpAddresses.literal("::ffff:203.0.113.7"), "z"));
    }

    @Test
    void hostNamesAreRefusedWithoutAskingDns() {
        assertThrows(IllegalArgumentException.class, () -> IpAddresses.literal("mail.example.com"));
        assertThrows(IllegalArgumentException.class, () -> IpAddresses.literal(""));
        assertThrows(IllegalArgumentException.class, () -> IpAddresses.literal("1.2.3.256"));
    }
}
