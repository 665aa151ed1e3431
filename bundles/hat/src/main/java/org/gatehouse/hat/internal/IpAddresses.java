package org.gatehouse.hat.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP literals as 128-bit numbers, so that IPv4 and IPv6 entries share one index: IPv4 addresses
 * live in the IPv4-mapped block {@code ::ffff:0:0/96}. Parsing never asks DNS.
 */
final class IpAddresses {

    static final BigInteger IPV4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private IpAddresses() {
    }

    /** The address as a number, or null when the text is not an IPv4 or IPv6 literal. */
    static BigInteger parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            long v4 = parseIpv4(text);
            return v4 < 0 ? null : IPV4_MAPPED.or(BigInteger.valueOf(v4));
        }
        byte[] bytes = parseIpv6(text);
        return bytes == null ? null : fromBytes(bytes);
    }

    /** Dotted quad to a number, or -1 when malformed (four decimal parts 0..255, no leading junk). */
    static long parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            int octet = octet(part);
            if (octet < 0) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    /** One decimal octet 0..255, or -1. */
    static int octet(String part) {
        if (part.isEmpty() || part.length() > 3) {
            return -1;
        }
        for (int i = 0; i < part.length(); i++) {
            if (!Character.isDigit(part.charAt(i)) || part.charAt(i) > '9') {
                return -1;
            }
        }
        int v = Integer.parseInt(part);
        return v > 255 ? -1 : v;
    }

    /** 16 bytes of an IPv6 literal (possibly with an embedded IPv4 tail), or null. */
    static byte[] parseIpv6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
            if (!ok) {
                return null;
            }
        }
        try {
            // Only hex digits, colons and dots: InetAddress treats this as a literal, never a name.
            byte[] bytes = InetAddress.getByName(text).getAddress();
            if (bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static BigInteger fromBytes(byte[] bytes) {
        return new BigInteger(1, bytes);
    }

    static boolean isIpv4(BigInteger address) {
        return address.shiftRight(32).equals(BigInteger.valueOf(0xffffL));
    }

    /** The address for DNS (reverse lookups, DNS lists). */
    static InetAddress toInetAddress(BigInteger address) {
        byte[] raw = address.toByteArray();
        byte[] sixteen = new byte[16];
        int copy = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - copy, sixteen, 16 - copy, copy);
        try {
            if (isIpv4(address)) {
                byte[] four = new byte[4];
                System.arraycopy(sixteen, 12, four, 0, 4);
                return InetAddress.getByAddress(four);
            }
            return InetAddress.getByAddress(sixteen);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of 16 bytes refused", e);
        }
    }
}
