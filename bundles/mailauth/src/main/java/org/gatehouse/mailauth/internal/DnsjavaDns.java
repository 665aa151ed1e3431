package org.gatehouse.mailauth.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link Dns} with dnsjava against the configured server (or the system resolver). Its own
 * resolver, never dnsjava's static default; and no cache: every message asks again (dnsjava resolvers keep none). A
 * truncated UDP answer is asked again over TCP by dnsjava (long DKIM keys).
 */
final class DnsjavaDns implements Dns {

    /**
     * After a query times out, further queries fail at once for this long: a DNS server that does
     * not answer must not cost every message its timeout for each of its SPF, DKIM and DMARC
     * lookups (measured: 77 s per message with an unreachable resolver). The results are
     * temperror, which holds no mail back.
     */
    static final Duration QUIET_AFTER_TIMEOUT = Duration.ofSeconds(30);

    private final Resolver resolver;
    private final String server;
    private final java.time.Clock clock;
    /** Until when the server counts as not answering (epoch millis); 0: it answers. */
    private volatile long notAnsweringUntil;

    /** @param server {@code host}, {@code host:port} or {@code [v6]:port}; empty: the system resolver */
    DnsjavaDns(String server, Duration timeout) {
        this(server, timeout, java.time.Clock.systemUTC());
    }

    DnsjavaDns(String server, Duration timeout, java.time.Clock clock) {
        this.clock = clock;
        if (server == null || server.isBlank()) {
            ExtendedResolver system = new ExtendedResolver();
            system.setRetries(1);
            this.resolver = system;
            this.server = "system resolver";
        } else {
            InetSocketAddress address = parseServer(server);
            this.resolver = new SimpleResolver(address);
            this.server = address.getAddress().getHostAddress() + ":" + address.getPort();
        }
        this.resolver.setTimeout(timeout);
    }

    static InetSocketAddress parseServer(String text) {
        String s = text.trim();
        String host = s;
        int port = 53;
        try {
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("dns.server: missing ] in " + text);
                }
                host = s.substring(1, close);
                if (s.length() > close + 2 && s.charAt(close + 1) == ':') {
                    port = Integer.parseInt(s.substring(close + 2));
                }
            } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
                host = s.substring(0, s.indexOf(':'));
                port = Integer.parseInt(s.substring(s.indexOf(':') + 1));
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dns.server: bad port in " + text, e);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("dns.server: unknown host in " + text, e);
        }
    }

    /** dnsjava says "timed out" as a SocketTimeoutException or as an IOException around a TimeoutException. */
    private static boolean timedOut(IOException e) {
        return e instanceof java.net.SocketTimeoutException || e.getCause() instanceof java.util.concurrent.TimeoutException
                || e.getCause() instanceof java.net.SocketTimeoutException;
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public DnsAnswer txt(String name) {
        return ask(name, Type.TXT);
    }

    @Override
    public DnsAnswer addresses(String name, boolean ipv6) {
        return ask(name, ipv6 ? Type.AAAA : Type.A);
    }

    @Override
    public DnsAnswer mx(String name) {
        return ask(name, Type.MX);
    }

    @Override
    public DnsAnswer ptr(InetAddress address) {
        return ask(ReverseMap.fromAddress(address), Type.PTR);
    }

    private DnsAnswer ask(String name, int type) {
        Name parsed;
        try {
            parsed = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            // A name that cannot exist (macro output, a typo in a record) has no records.
            return DnsAnswer.noDomain();
        }
        return ask(parsed, type);
    }

    private DnsAnswer ask(Name name, int type) {
        long now = clock.millis();
        if (now < notAnsweringUntil) {
            return DnsAnswer.error(server + " did not answer a moment ago; not asked for " + name);
        }
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
        } catch (IOException e) {
            if (timedOut(e)) {
                notAnsweringUntil = clock.millis() + QUIET_AFTER_TIMEOUT.toMillis();
                return DnsAnswer.error(server + " timed out for " + name);
            }
            return DnsAnswer.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return DnsAnswer.noDomain();
        }
        if (rcode != Rcode.NOERROR) {
            return DnsAnswer.error(Rcode.string(rcode) + " for " + name);
        }
        List<Record> records = new ArrayList<>(response.getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == type).toList());
        if (type == Type.MX) {
            records.sort(Comparator.comparingInt(r -> ((MXRecord) r).getPriority()));
        }
        List<String> values = new ArrayList<>();
        for (Record r : records) {
            values.add(text(r));
        }
        return DnsAnswer.found(values);
    }

    private static String text(Record r) {
        if (r instanceof TXTRecord txt) {
            StringBuilder joined = new StringBuilder();
            for (byte[] part : txt.getStringsAsByteArrays()) {
                joined.append(new String(part, StandardCharsets.UTF_8));
            }
            return joined.toString();
        }
        if (r instanceof ARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (r instanceof AAAARecord aaaa) {
            return aaaa.getAddress().getHostAddress();
        }
        if (r instanceof MXRecord mx) {
            return mx.getTarget().toString(true).toLowerCase(Locale.ROOT);
        }
        if (r instanceof PTRRecord ptr) {
            return ptr.getTarget().toString(true).toLowerCase(Locale.ROOT);
        }
        return r.rdataToString();
    }
}
