package org.gatehouse.mailauth.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run of check_host() (RFC 7208 4) with its counters: at most 10 terms that ask DNS
 * (include, a, mx, ptr, exists, redirect), at most 2 void lookups, at most 10 MX or PTR names
 * looked at per mechanism. Not thread-safe: one per check.
 */
final class SpfEvaluation {

    static final int MAX_DNS_TERMS = 10;
    static final int MAX_VOID_LOOKUPS = 2;
    static final int MAX_NAMES = 10;

    /** What check_host() found: the result and, for a fail, the domain's explanation. */
    record Outcome(SpfResult result, String explanation) {
    }

    private final Dns dns;
    private final SpfMacros.Facts facts;
    private final List<String> walk = new ArrayList<>();
    private int dnsTerms;
    private int voidLookups;
    private String validatedName;
    /** Asked once per check however many ptr mechanisms and %{p} macros the records hold. */
    private List<String> validatedNames;

    SpfEvaluation(Dns dns, String sender, InetAddress ip, String helo, String receiver) {
        this.dns = dns;
        this.facts = new SpfMacros.Facts(sender, ip, helo, receiver, this::validatedName);
    }

    List<String> walk() {
        return walk;
    }

    /** check_host() for the sender's domain, errors turned into results. */
    Outcome check(String domain) {
        try {
            return checkHost(domain, 0, true);
        } catch (SpfException e) {
            walk.add(e.result().label() + ": " + e.getMessage());
            return new Outcome(e.result(), e.getMessage());
        }
    }

    private Outcome checkHost(String domain, int depth, boolean top) throws SpfException {
        String name = SpfMacros.normal(domain);
        String indent = "  ".repeat(depth);
        if (!validDomain(name)) {
            walk.add(indent + name + ": not a valid domain name");
            return new Outcome(SpfResult.NONE, "not a valid domain: " + name);
        }
        DnsAnswer txt = dns.txt(name);
        if (txt.failed()) {
            throw SpfException.temp("SPF record of " + name + ": " + txt.error());
        }
        List<String> records = txt.values().stream().filter(SpfRecord::isSpf).toList();
        if (records.isEmpty()) {
            walk.add(indent + name + ": no SPF record");
            return new Outcome(SpfResult.NONE, "no SPF record at " + name);
        }
        if (records.size() > 1) {
            throw SpfException.perm(name + " publishes " + records.size() + " SPF records");
        }
        walk.add(indent + name + ": " + records.get(0));
        SpfRecord record = SpfRecord.parse(records.get(0));
        for (SpfRecord.Mechanism mechanism : record.mechanisms()) {
            if (matches(mechanism, name, depth)) {
                SpfResult result = SpfResult.ofQualifier(mechanism.qualifier());
                walk.add(indent + "  " + mechanism + " matched: " + result.label());
                String explanation = "matched " + mechanism + " at " + name;
                if (result == SpfResult.FAIL && top && record.exp() != null) {
                    String exp = explanation(record.exp(), name);
                    explanation = exp.isEmpty() ? explanation : exp;
                }
                return new Outcome(result, explanation);
            }
        }
        if (record.redirect() != null) {
            countDnsTerm("redirect=" + record.redirect());
            String target = SpfMacros.expand(record.redirect(), facts, name, false);
            walk.add(indent + "  redirect=" + target);
            Outcome redirected = checkHost(target, depth + 1, top);
            if (redirected.result() == SpfResult.NONE) {
                throw SpfException.perm("redirect to " + target + ", which has no SPF record");
            }
            return redirected;
        }
        walk.add(indent + "  nothing matched: neutral");
        return new Outcome(SpfResult.NEUTRAL, "no mechanism matched at " + name);
    }

    private boolean matches(SpfRecord.Mechanism m, String domain, int depth) throws SpfException {
        InetAddress ip = facts.ip();
        boolean v6 = IpAddresses.isV6(ip);
        switch (m.name()) {
            case "all":
                return true;
            case "ip4":
            case "ip6":
                return IpAddresses.inNetwork(ip, IpAddresses.parse(m.domainSpec()), v6 ? m.cidr6() : m.cidr4());
            case "include":
                return include(m, domain, depth);
            case "a": {
                countDnsTerm(m.term());
                String target = target(m, domain);
                return anyInNetwork(lookUp(dns.addresses(target, v6), target), m);
            }
            case "mx":
                return mx(m, domain);
            case "ptr":
                return ptr(m, domain);
            case "exists": {
                countDnsTerm(m.term());
                String target = target(m, domain);
                return !lookUp(dns.addresses(target, false), target).isEmpty();
            }
            default:
                throw SpfException.perm("unknown mechanism " + m);
        }
    }

    private boolean include(SpfRecord.Mechanism m, String domain, int depth) throws SpfException {
        countDnsTerm(m.term());
        String target = target(m, domain);
        Outcome included = checkHost(target, depth + 1, false);
        return switch (included.result()) {
            case PASS -> true;
            case FAIL, SOFTFAIL, NEUTRAL -> false;
            case TEMPERROR -> throw SpfException.temp("include:" + target + ": " + included.explanation());
            case NONE -> throw SpfException.perm("include:" + target + " has no SPF record");
            case PERMERROR -> throw SpfException.perm("include:" + target + ": " + included.explanation());
        };
    }

    private boolean mx(SpfRecord.Mechanism m, String domain) throws SpfException {
        countDnsTerm(m.term());
        String target = target(m, domain);
        List<String> hosts = lookUp(dns.mx(target), target);
        if (hosts.size() > MAX_NAMES) {
            throw SpfException.perm(target + " has " + hosts.size() + " MX records, more than " + MAX_NAMES);
        }
        boolean v6 = IpAddresses.isV6(facts.ip());
        for (String host : hosts) {
            DnsAnswer addresses = dns.addresses(host, v6);
            if (addresses.failed()) {
                throw SpfException.temp("addresses of MX " + host + ": " + addresses.error());
            }
            if (anyInNetwork(addresses.values(), m)) {
                return true;
            }
        }
        return false;
    }

    private boolean ptr(SpfRecord.Mechanism m, String domain) throws SpfException {
        countDnsTerm(m.term());
        String target = target(m, domain);
        for (String name : validatedNames()) {
            if (name.equals(target) || name.endsWith("." + target)) {
                return true;
            }
        }
        return false;
    }

    /** PTR names of the client that resolve back to it (RFC 7208 5.5); DNS errors just mean fewer names. */
    private List<String> validatedNames() throws SpfException {
        if (validatedNames == null) {
            validatedNames = lookUpValidatedNames();
        }
        return validatedNames;
    }

    private List<String> lookUpValidatedNames() throws SpfException {
        DnsAnswer ptr = dns.ptr(facts.ip());
        if (ptr.isVoid()) {
            countVoid("PTR of " + facts.ip().getHostAddress());
        }
        List<String> names = new ArrayList<>();
        boolean v6 = IpAddresses.isV6(facts.ip());
        for (String name : ptr.values().subList(0, Math.min(MAX_NAMES, ptr.values().size()))) {
            DnsAnswer back = dns.addresses(name, v6);
            if (back.values().stream().anyMatch(a -> IpAddresses.parse(a).equals(facts.ip()))) {
                names.add(name);
            }
        }
        return names;
    }

    /** The %{p} macro: a validated PTR name, "unknown" when there is none. */
    private String validatedName() {
        if (validatedName == null) {
            try {
                List<String> names = validatedNames();
                validatedName = names.isEmpty() ? "unknown" : names.get(0);
            } catch (SpfException e) {
                validatedName = "unknown";
            }
        }
        return validatedName;
    }

    private String target(SpfRecord.Mechanism m, String domain) throws SpfException {
        if (m.domainSpec() == null) {
            return domain;
        }
        String expanded = SpfMacros.normal(SpfMacros.expand(m.domainSpec(), facts, domain, false));
        // Over-long expansions lose labels on the left until they fit (RFC 7208 7.3).
        while (expanded.length() > 253 && expanded.indexOf('.') > 0) {
            expanded = expanded.substring(expanded.indexOf('.') + 1);
        }
        return expanded;
    }

    private List<String> lookUp(DnsAnswer answer, String name) throws SpfException {
        if (answer.failed()) {
            throw SpfException.temp(name + ": " + answer.error());
        }
        if (answer.isVoid()) {
            countVoid(name);
        }
        return answer.values();
    }

    private boolean anyInNetwork(List<String> addresses, SpfRecord.Mechanism m) {
        InetAddress ip = facts.ip();
        int prefix = IpAddresses.isV6(ip) ? m.cidr6() : m.cidr4();
        for (String address : addresses) {
            if (IpAddresses.inNetwork(ip, IpAddresses.parse(address), prefix)) {
                return true;
            }
        }
        return false;
    }

    private void countDnsTerm(String term) throws SpfException {
        if (++dnsTerms > MAX_DNS_TERMS) {
            throw SpfException.perm("more than " + MAX_DNS_TERMS + " DNS lookups (at " + term + ")");
        }
    }

    private void countVoid(String name) throws SpfException {
        if (++voidLookups > MAX_VOID_LOOKUPS) {
            throw SpfException.perm("more than " + MAX_VOID_LOOKUPS + " void DNS lookups (at " + name + ")");
        }
    }

    /** The exp= text, expanded; empty when it cannot be had (RFC 7208 6.2: then no explanation). */
    private String explanation(String expSpec, String domain) {
        try {
            String name = SpfMacros.expand(expSpec, facts, domain, false);
            DnsAnswer txt = dns.txt(name);
            if (txt.values().size() != 1) {
                return "";
            }
            return SpfMacros.expand(txt.values().get(0), facts, domain, true);
        } catch (SpfException e) {
            return "";
        }
    }

    /** A multi-label name with labels of 1..63 characters (RFC 7208 4.3). */
    static boolean validDomain(String domain) {
        if (domain.isEmpty() || domain.length() > 253 || domain.indexOf('.') < 0) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
        }
        return !IpAddresses.isLiteral(domain) && domain.equals(domain.toLowerCase(Locale.ROOT).strip());
    }
}
