package org.gatehouse.smtplistener.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A list of CIDR networks (IPv4 and IPv6), e.g. {@code 127.0.0.0/8, ::1/128, 10.1.1.5}. */
final class NetworkList {

    private record Network(String text, byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    /** Checked for every client of a private listener without a HAT: compiled once. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.%a-zA-Z0-9]+");

    private final List<Network> networks;

    private NetworkList(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /** Parses a comma or blank separated list; only literal addresses, never host names (no DNS). */
    static NetworkList parse(String list) {
        List<Network> result = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    result.add(network(entry.trim()));
                }
            }
        }
        return new NetworkList(result);
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or CIDR network: " + entry);
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + entry, e);
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + entry);
            }
        }
        return new Network(entry, bytes, bits);
    }

    /** The address bytes of an IP literal, or null when the text is not one (never resolves names). */
    static byte[] literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(t).matches();
        boolean v6 = t.indexOf(':') >= 0 && IPV6.matcher(t).matches();
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The entry that contains the address (its bytes, as {@link #literal} gives them), or null. */
    String match(byte[] bytes) {
        for (Network n : networks) {
            if (n.contains(bytes)) {
                return n.text();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return networks.stream().map(Network::text).toList().toString();
    }
}
