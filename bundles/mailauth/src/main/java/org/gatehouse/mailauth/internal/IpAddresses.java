package org.gatehouse.mailauth.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address helpers for SPF: literals without DNS, IPv4-mapped IPv6 as IPv4, CIDR matching. */
final class IpAddresses {

    private IpAddresses() {
    }

    /** Parses an IP literal, never asking DNS; an IPv4-mapped IPv6 address becomes IPv4. */
    static InetAddress parse(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.regionMatches(true, 0, "IPv6:", 0, 5)) {
            s = s.substring(5);
        }
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        if (v4) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("not an IP address: " + text);
                }
            }
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    /** True when the text is an IPv4 or IPv6 literal. */
    static boolean isLiteral(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isV6(InetAddress address) {
        return address instanceof Inet6Address;
    }

    /** True when both are the same family and agree in the first {@code prefix} bits. */
    static boolean inNetwork(InetAddress address, InetAddress network, int prefix) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int bits = Math.min(prefix, a.length * 8);
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[whole] & mask) == (n[whole] & mask);
    }

    /** The {@code %{i}} macro: dotted quad, or 32 dot-separated nibbles for IPv6 (RFC 7208 7.3). */
    static String spfDotted(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        StringBuilder out = new StringBuilder();
        for (byte b : address.getAddress()) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append('.').append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}
