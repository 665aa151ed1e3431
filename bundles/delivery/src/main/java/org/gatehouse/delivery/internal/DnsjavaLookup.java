package org.gatehouse.delivery.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS through dnsjava, with the component's own resolver and cache (never dnsjava's static
 * defaults, so two configurations or a test never share answers).
 */
final class DnsjavaLookup implements DnsLookup {

    private final Resolver resolver;
    private final Cache cache = new Cache(DClass.IN);

    /**
     * @param servers {@code host[:port]} entries; empty means the system's resolvers
     * @param timeout how long to wait for one answer
     */
    DnsjavaLookup(List<String> servers, Duration timeout) throws UnknownHostException {
        if (servers.isEmpty()) {
            resolver = new ExtendedResolver();
        } else {
            List<Resolver> each = new ArrayList<>();
            for (String server : servers) {
                each.add(new SimpleResolver(parseServer(server)));
            }
            resolver = each.size() == 1 ? each.get(0) : new ExtendedResolver(each);
        }
        resolver.setTimeout(timeout);
    }

    static InetSocketAddress parseServer(String server) throws UnknownHostException {
        String text = server.trim();
        int port = 53;
        String host = text;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            host = text.substring(1, close);
            if (text.length() > close + 1 && text.charAt(close + 1) == ':') {
                port = Integer.parseInt(text.substring(close + 2));
            }
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        }
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Override
    public List<Mx> mx(String domain) throws DnsFailure {
        List<Mx> found = new ArrayList<>();
        for (Record record : run(domain, Type.MX)) {
            MXRecord mx = (MXRecord) record;
            String target = mx.getTarget().toString(true);
            found.add(new Mx(mx.getPriority(), target.isEmpty() ? "." : target));
        }
        return found;
    }

    @Override
    public List<InetAddress> addresses(String host) throws DnsFailure {
        List<InetAddress> found = new ArrayList<>();
        for (Record record : run(host, Type.A)) {
            found.add(((ARecord) record).getAddress());
        }
        DnsFailure v6Failure = null;
        try {
            for (Record record : run(host, Type.AAAA)) {
                found.add(((AAAARecord) record).getAddress());
            }
        } catch (DnsFailure e) {
            v6Failure = e;
        }
        // A broken AAAA answer matters only when there is no A address to use.
        if (found.isEmpty() && v6Failure != null) {
            throw v6Failure;
        }
        return found;
    }

    private Record[] run(String name, int type) throws DnsFailure {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(name.endsWith(".") ? name : name + "."), type);
        } catch (TextParseException e) {
            throw new DnsFailure("Bad domain name " + name + ": " + e.getMessage(), true);
        }
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        Record[] answers = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> answers;
            case Lookup.TYPE_NOT_FOUND -> new Record[0];
            case Lookup.HOST_NOT_FOUND -> throw new DnsFailure("Host or domain name not found: " + name, true);
            default -> throw new DnsFailure("DNS lookup of " + Type.string(type) + " " + name
                    + " failed: " + lookup.getErrorString(), false);
        };
    }
}
