package org.gatehouse.hat.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decision's DNS questions about one host: the PTR and every DNS list not already cached go
 * out at once on one {@link DnsExchange}; the forward confirmation follows the PTR answer. Answers
 * are cached as they are read; a question that timed out is "no PTR" / "not listed" for this
 * decision only, and is asked afresh by the next one.
 */
final class HostQuestions implements HostAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(HostQuestions.class);

    private final DnsExchange exchange;
    private final InetAddress address;
    private final TtlCache<InetAddress, ReverseDnsName> reverseCache;
    private final TtlCache<String, Boolean> listingCache;
    private final Map<String, DnsExchange.Question> listings = new HashMap<>();
    private DnsExchange.Question ptr;
    private ReverseDnsName reverse;

    /** @param exchange null when no socket could be had: every answer is then "unknown" */
    HostQuestions(DnsExchange exchange, InetAddress address, Iterable<String> zones,
                  TtlCache<InetAddress, ReverseDnsName> reverseCache, TtlCache<String, Boolean> listingCache) {
        this.exchange = exchange;
        this.address = address;
        this.reverseCache = reverseCache;
        this.listingCache = listingCache;
        this.reverse = reverseCache.peek(address);
        if (reverse == null) {
            ptr = send(ReverseMap.fromAddress(address), Type.PTR);
        }
        for (String zone : zones) {
            if (!listings.containsKey(zone) && listingCache.peek(key(zone)) == null) {
                listings.put(zone, send(listingName(zone), Type.A));
            }
        }
    }

    @Override
    public ReverseDnsName reverseName() {
        if (reverse == null) {
            reverse = lookUpReverse();
        }
        return reverse;
    }

    private ReverseDnsName lookUpReverse() {
        Message answer = await(ptr);
        if (answer == null) {
            return ReverseDnsName.NONE;
        }
        for (Record r : answers(answer)) {
            if (r instanceof PTRRecord p) {
                Name target = p.getTarget();
                Message forward = await(send(target, address instanceof Inet4Address ? Type.A : Type.AAAA));
                if (forward == null) {
                    return new ReverseDnsName(name(target), false);
                }
                ReverseDnsName confirmed = new ReverseDnsName(name(target), resolvesBack(forward));
                reverseCache.put(address, confirmed);
                return confirmed;
            }
        }
        reverseCache.put(address, ReverseDnsName.NONE);
        return ReverseDnsName.NONE;
    }

    private boolean resolvesBack(Message forward) {
        for (Record r : answers(forward)) {
            InetAddress a = r instanceof ARecord ar ? ar.getAddress() : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
            if (address.equals(a)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean listed(String zone) {
        Boolean known = listingCache.peek(key(zone));
        if (known != null) {
            return known;
        }
        Message answer = await(listings.computeIfAbsent(zone, z -> send(listingName(z), Type.A)));
        if (answer == null) {
            return false;
        }
        boolean listed = answers(answer).stream().anyMatch(ARecord.class::isInstance);
        listingCache.put(key(zone), listed);
        return listed;
    }

    private String key(String zone) {
        return zone + " " + address.getHostAddress();
    }

    private Name listingName(String zone) {
        try {
            return Name.fromString(HatDns.reversed(address) + "." + zone + ".");
        } catch (TextParseException e) {
            LOG.debug("DNS list query for {} in {} is not a valid name: {}", address.getHostAddress(), zone, e.toString());
            return null;
        }
    }

    private DnsExchange.Question send(Name name, int type) {
        if (exchange == null || name == null) {
            return null;
        }
        try {
            return exchange.send(name, type);
        } catch (IOException e) {
            LOG.debug("DNS question {} {} not sent: {}", name, Type.string(type), e.toString());
            return null;
        }
    }

    /** The answer, or null when the question was never sent, timed out or failed. */
    private Message await(DnsExchange.Question question) {
        if (question == null) {
            return null;
        }
        try {
            return exchange.await(question);
        } catch (IOException e) {
            LOG.debug("DNS answer for {} not read: {}", address.getHostAddress(), e.toString());
            return null;
        }
    }

    private static java.util.List<Record> answers(Message m) {
        return m.getRcode() == Rcode.NOERROR ? m.getSection(Section.ANSWER) : java.util.List.of();
    }

    private static String name(Name n) {
        return n.toString(true).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (exchange != null) {
            exchange.close();
        }
    }
}
