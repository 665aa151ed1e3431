package org.gatehouse.reputation.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.xbill.DNS.Address;

/** Address literals and the names reputation zones are queried under. */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * Parses an IPv4 or IPv6 literal without ever asking DNS (a host name is refused). An
     * IPv4-mapped IPv6 address becomes the IPv4 address, which is what zones list.
     */
    public static InetAddress literal(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        try {
            return Address.getByAddress(trimmed);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    /**
     * The name to query in a zone: {@code 4.3.2.1.zone} for 1.2.3.4, and for IPv6 the 32
     * nibbles in reverse order ({@code b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.zone}
     * for 4321:0:1:2:3:4:567:89ab), as RFC 5782 has it.
     */
    public static String queryName(InetAddress address, String zone) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder(80);
        if (address instanceof Inet4Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(bytes[i] & 0xff).append('.');
            }
        } else {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(Integer.toHexString(bytes[i] & 0x0f)).append('.');
                name.append(Integer.toHexString((bytes[i] >> 4) & 0x0f)).append('.');
            }
        }
        return name.append(zone.toLowerCase(Locale.ROOT)).toString();
    }
}
