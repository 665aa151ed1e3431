package org.gatehouse.hat.internal;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sender group entries in the forms admins know from the HAT: addresses, partial
 * addresses ({@code 10.1.1.}, {@code 2001:db8:}), ranges ({@code 10.1.1.10-20}), CIDR,
 * host names, {@code .partial} host names, {@code SBRS[a:b]}, {@code SBRS[none]},
 * {@code dnslist[zone]} and {@code ALL}. A bad entry is refused with a message naming it.
 */
final class EntryParser {

    private static final Pattern SBRS = Pattern.compile("(?i)SBRS\\[\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*:\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*]");
    private static final Pattern SBRS_NONE = Pattern.compile("(?i)SBRS\\[\\s*none\\s*]");
    private static final Pattern DNSLIST = Pattern.compile("(?i)dnslist\\[\\s*([^\\]\\s]+)\\s*]");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    private EntryParser() {
    }

    static HatEntry parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty sender group entry");
        }
        if (text.equalsIgnoreCase("ALL")) {
            return new HatEntry.All("ALL");
        }
        if (SBRS_NONE.matcher(text).matches()) {
            return new HatEntry.SbrsNone("SBRS[none]");
        }
        Matcher m = SBRS.matcher(text);
        if (m.matches()) {
            return sbrs(text, m);
        }
        if (text.regionMatches(true, 0, "SBRS", 0, 4)) {
            throw bad(text, "expected SBRS[low:high] or SBRS[none] with scores from -10 to 10");
        }
        m = DNSLIST.matcher(text);
        if (m.matches()) {
            String zone = hostname(m.group(1));
            if (zone == null) {
                throw bad(text, "the DNS list zone is not a domain name");
            }
            return new HatEntry.DnsList(text, zone);
        }
        if (text.regionMatches(true, 0, "dnslist", 0, 7)) {
            throw bad(text, "expected dnslist[zone]");
        }
        HatEntry address = address(text);
        if (address != null) {
            return address;
        }
        if (text.startsWith(".")) {
            String suffix = hostname(text.substring(1));
            if (suffix == null) {
                throw bad(text, "not a domain name");
            }
            return new HatEntry.HostnameSuffix(text, "." + suffix);
        }
        if (looksNumeric(text)) {
            throw bad(text, "not a valid IP address, partial address, range or CIDR");
        }
        String name = hostname(text);
        if (name == null) {
            throw bad(text, "not an IP address, network, host name or known entry type");
        }
        return new HatEntry.Hostname(text, name);
    }

    private static HatEntry sbrs(String text, Matcher m) {
        double low = Double.parseDouble(m.group(1));
        double high = Double.parseDouble(m.group(2));
        if (low < -10 || high > 10 || low > high) {
            throw bad(text, "SBRS scores run from -10 to 10, low first");
        }
        return new HatEntry.SbrsRange(text, low, high);
    }

    /** An address form, null when the text is not one (a host name), an exception when it is a broken one. */
    private static HatEntry address(String text) {
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return cidr(text, slash);
        }
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        if (!looksNumeric(text)) {
            return null;
        }
        int dash = text.indexOf('-');
        if (dash >= 0) {
            return ipv4Range(text, dash);
        }
        if (text.endsWith(".")) {
            return ipv4Partial(text);
        }
        long v4 = IpAddresses.parseIpv4(text);
        if (v4 < 0) {
            throw bad(text, "not a valid IPv4 address");
        }
        BigInteger a = IpAddresses.IPV4_MAPPED.or(BigInteger.valueOf(v4));
        return new HatEntry.AddressRange(text, a, a);
    }

    private static HatEntry cidr(String text, int slash) {
        String base = text.substring(0, slash);
        int bits;
        try {
            bits = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw bad(text, "the prefix length is not a number");
        }
        BigInteger address = IpAddresses.parse(base);
        if (address == null) {
            throw bad(text, "not a valid network address");
        }
        boolean v4 = base.indexOf(':') < 0;
        int max = v4 ? 32 : 128;
        if (bits < 0 || bits > max) {
            throw bad(text, "prefix length must be 0.." + max);
        }
        int hostBits = max - bits;
        BigInteger hostMask = BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE);
        BigInteger first = address.andNot(hostMask);
        return new HatEntry.AddressRange(text, first, first.or(hostMask));
    }

    private static HatEntry ipv6(String text) {
        BigInteger exact = IpAddresses.parse(text);
        if (exact != null && !text.endsWith(":")) {
            return new HatEntry.AddressRange(text, exact, exact);
        }
        if (text.endsWith(":") && !text.endsWith("::")) {
            // Partial: 2001:db8: is every address whose first groups are 2001:0db8.
            String[] groups = text.substring(0, text.length() - 1).split(":", -1);
            if (groups.length >= 8 || text.contains("::")) {
                throw bad(text, "not a valid partial IPv6 address");
            }
            BigInteger first = BigInteger.ZERO;
            for (String g : groups) {
                if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw bad(text, "not a valid partial IPv6 address");
                }
                first = first.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
            }
            int hostBits = 128 - 16 * groups.length;
            first = first.shiftLeft(hostBits);
            return new HatEntry.AddressRange(text, first, first.or(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE)));
        }
        throw bad(text, "not a valid IPv6 address");
    }

    private static HatEntry ipv4Range(String text, int dash) {
        String start = text.substring(0, dash);
        String endPart = text.substring(dash + 1);
        long first = IpAddresses.parseIpv4(start);
        if (first < 0) {
            throw bad(text, "the range does not start with a valid IPv4 address");
        }
        long last;
        if (endPart.indexOf('.') >= 0) {
            last = IpAddresses.parseIpv4(endPart);
        } else {
            int octet = IpAddresses.octet(endPart);
            last = octet < 0 ? -1 : (first & ~0xffL) | octet;
        }
        if (last < 0 || last < first) {
            throw bad(text, "the range must end with an octet 0..255 (or address) not below its start");
        }
        return new HatEntry.AddressRange(text, IpAddresses.IPV4_MAPPED.or(BigInteger.valueOf(first)),
                IpAddresses.IPV4_MAPPED.or(BigInteger.valueOf(last)));
    }

    private static HatEntry ipv4Partial(String text) {
        String[] parts = text.substring(0, text.length() - 1).split("\\.", -1);
        if (parts.length < 1 || parts.length > 3) {
            throw bad(text, "a partial IPv4 address has one to three octets");
        }
        long first = 0;
        for (String p : parts) {
            int octet = IpAddresses.octet(p);
            if (octet < 0) {
                throw bad(text, "octet '" + p + "' is not 0..255");
            }
            first = (first << 8) | octet;
        }
        int hostBits = 8 * (4 - parts.length);
        first <<= hostBits;
        long last = first | ((1L << hostBits) - 1);
        return new HatEntry.AddressRange(text, IpAddresses.IPV4_MAPPED.or(BigInteger.valueOf(first)),
                IpAddresses.IPV4_MAPPED.or(BigInteger.valueOf(last)));
    }

    private static boolean looksNumeric(String text) {
        return text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == '-');
    }

    /** The lower-case name when every label is a valid DNS label, else null. */
    static String hostname(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.length() > 253) {
            return null;
        }
        for (String label : name.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return name;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("invalid sender group entry '" + text + "': " + why);
    }
}
