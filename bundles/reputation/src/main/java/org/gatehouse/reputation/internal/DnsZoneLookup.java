package org.gatehouse.reputation.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Zone queries through dnsjava: one A query per zone, all sent at once, the whole lookup bounded
 * by the timeout. Its own resolver, never dnsjava's static default, and no dnsjava cache: the
 * {@link AnswerCache} decides how long answers live.
 */
final class DnsZoneLookup implements ZoneLookup {

    private final Resolver resolver;
    private final Duration timeout;
    private final String server;

    /**
     * @param server  {@code host}, {@code host:port} or {@code [v6]:port}; empty for the system resolver
     * @param timeout the longest wait for all zones of one lookup
     */
    DnsZoneLookup(String server, Duration timeout) throws UnknownHostException {
        if (server == null || server.isBlank()) {
            this.resolver = new ExtendedResolver();
            this.server = "system resolver";
        } else {
            InetSocketAddress address = parseServer(server);
            this.resolver = new SimpleResolver(address);
            this.server = address.getAddress().getHostAddress() + ":" + address.getPort();
        }
        this.resolver.setTimeout(timeout);
        this.timeout = timeout;
    }

    /** Which server answers, for the console. */
    String server() {
        return server;
    }

    static InetSocketAddress parseServer(String text) throws UnknownHostException {
        String s = text.trim();
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("dns.server: missing ] in " + text);
            }
            host = s.substring(1, close);
            if (s.length() > close + 1) {
                port = parsePort(text, s.substring(close + 1));
            }
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = parsePort(text, s.substring(s.indexOf(':')));
        }
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static int parsePort(String text, String colonPort) {
        if (!colonPort.startsWith(":")) {
            throw new IllegalArgumentException("dns.server: expected host:port, not " + text);
        }
        try {
            return Integer.parseInt(colonPort.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dns.server: bad port in " + text, e);
        }
    }

    @Override
    public List<ZoneAnswer> lookup(InetAddress host, List<ReputationZone> zones) {
        List<CompletableFuture<ZoneAnswer>> pending = new ArrayList<>();
        for (ReputationZone zone : zones) {
            pending.add(ask(host, zone));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Each zone's own outcome is read below: the slow ones count as timed out.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ZoneAnswer> answers = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            CompletableFuture<ZoneAnswer> future = pending.get(i);
            answers.add(future.isDone() && !future.isCompletedExceptionally() ? future.join()
                    : ZoneAnswer.failed(zones.get(i).name(), future.isDone() ? "error" : "timeout after " + timeout.toMillis() + " ms"));
            future.cancel(false);
        }
        return answers;
    }

    private CompletableFuture<ZoneAnswer> ask(InetAddress host, ReputationZone zone) {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(IpAddresses.queryName(host, zone.name()) + "."), Type.A, DClass.IN));
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(ZoneAnswer.failed(zone.name(), "bad zone name: " + e.getMessage()));
        }
        return resolver.sendAsync(query).toCompletableFuture()
                .thenApply(response -> interpret(zone, response))
                .exceptionally(e -> ZoneAnswer.failed(zone.name(), describe(e)));
    }

    /** NXDOMAIN (or no A record) is "not listed"; A records are a listing; anything else is a failure. */
    static ZoneAnswer interpret(ReputationZone zone, Message response) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return ZoneAnswer.notListed(zone.name());
        }
        if (rcode != Rcode.NOERROR) {
            return ZoneAnswer.failed(zone.name(), Rcode.string(rcode));
        }
        List<String> answers = new ArrayList<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof ARecord a) {
                answers.add(a.getAddress().getHostAddress());
            }
        }
        if (answers.isEmpty()) {
            return ZoneAnswer.notListed(zone.name());
        }
        // Spamhaus-style lists answer 127.255.255.x for "query refused" (public resolver, over quota):
        // an error to report, not a listing to score.
        if (answers.stream().allMatch(a -> a.startsWith("127.255.255."))) {
            return ZoneAnswer.failed(zone.name(), "zone refused the query (" + String.join(" ", answers) + ")");
        }
        return ZoneAnswer.listed(zone, answers);
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException && cause.getMessage() != null && cause.getMessage().toLowerCase().contains("timed out")) {
            return "timeout";
        }
        if (cause instanceof java.net.PortUnreachableException) {
            return "no DNS server listening (port unreachable)";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
