package org.gatehouse.mailauth.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parsed SPF record: its mechanisms in order and the redirect= and exp= modifiers. Parsing
 * the whole record first means a syntax error anywhere is a permerror before anything is
 * evaluated (RFC 7208 4.6).
 */
record SpfRecord(String text, List<Mechanism> mechanisms, String redirect, String exp) {

    /** One directive: qualifier, name and its parsed argument. */
    record Mechanism(char qualifier, String name, String domainSpec, int cidr4, int cidr6, String term) {
        @Override
        public String toString() {
            return term;
        }
    }

    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9._-]*)=(.*)");
    private static final Pattern DUAL_CIDR = Pattern.compile("(?:/(\\d+))?(?://(\\d+))?$");
    private static final Pattern IP_CIDR = Pattern.compile("([^/]+)(?:/(\\d{1,3}))?");

    /** True for a TXT record that is an SPF record ("v=spf1" alone or followed by a space). */
    static boolean isSpf(String txt) {
        return txt.regionMatches(true, 0, "v=spf1", 0, 6) && (txt.length() == 6 || txt.charAt(6) == ' ');
    }

    static SpfRecord parse(String text) throws SpfException {
        String[] terms = text.trim().split(" +");
        List<Mechanism> mechanisms = new ArrayList<>();
        String redirect = null;
        String exp = null;
        for (int i = 1; i < terms.length; i++) {
            String term = terms[i];
            Matcher modifier = MODIFIER.matcher(term);
            if (modifier.matches() && !term.contains(":")
                    || modifier.matches() && term.indexOf('=') < term.indexOf(':')) {
                String name = modifier.group(1).toLowerCase(Locale.ROOT);
                String value = modifier.group(2);
                if (name.equals("redirect")) {
                    if (redirect != null) {
                        throw SpfException.perm("two redirect= modifiers");
                    }
                    redirect = requireDomainSpec(value, term);
                } else if (name.equals("exp")) {
                    if (exp != null) {
                        throw SpfException.perm("two exp= modifiers");
                    }
                    exp = requireDomainSpec(value, term);
                }
                // Unknown modifiers are ignored (RFC 7208 6).
                continue;
            }
            mechanisms.add(mechanism(term));
        }
        return new SpfRecord(text, List.copyOf(mechanisms), redirect, exp);
    }

    private static String requireDomainSpec(String value, String term) throws SpfException {
        if (value.isEmpty()) {
            throw SpfException.perm("empty domain in " + term);
        }
        return value;
    }

    private static Mechanism mechanism(String term) throws SpfException {
        char qualifier = '+';
        String body = term;
        if ("+-~?".indexOf(term.charAt(0)) >= 0) {
            qualifier = term.charAt(0);
            body = term.substring(1);
        }
        int end = 0;
        while (end < body.length() && Character.isLetterOrDigit(body.charAt(end))) {
            end++;
        }
        String name = body.substring(0, end).toLowerCase(Locale.ROOT);
        String arg = body.substring(end);
        switch (name) {
            case "all":
                if (!arg.isEmpty()) {
                    throw SpfException.perm("bad term " + term);
                }
                return new Mechanism(qualifier, name, null, 32, 128, term);
            case "include":
            case "exists":
                if (!arg.startsWith(":") || arg.length() < 2) {
                    throw SpfException.perm(name + " needs a domain: " + term);
                }
                return new Mechanism(qualifier, name, arg.substring(1), 32, 128, term);
            case "a":
            case "mx":
            case "ptr":
                return dualCidr(qualifier, name, arg, term);
            case "ip4":
            case "ip6":
                return ipNetwork(qualifier, name, arg, term);
            default:
                throw SpfException.perm("unknown mechanism " + term);
        }
    }

    private static Mechanism dualCidr(char qualifier, String name, String arg, String term) throws SpfException {
        Matcher m = DUAL_CIDR.matcher(arg);
        if (!m.find()) {
            throw SpfException.perm("bad term " + term);
        }
        String domain = arg.substring(0, m.start());
        if (!domain.isEmpty() && (!domain.startsWith(":") || domain.length() < 2)) {
            throw SpfException.perm("bad term " + term);
        }
        int cidr4 = m.group(1) == null ? 32 : Integer.parseInt(m.group(1));
        int cidr6 = m.group(2) == null ? 128 : Integer.parseInt(m.group(2));
        if (cidr4 > 32 || cidr6 > 128 || name.equals("ptr") && (m.group(1) != null || m.group(2) != null)) {
            throw SpfException.perm("bad prefix length in " + term);
        }
        return new Mechanism(qualifier, name, domain.isEmpty() ? null : domain.substring(1), cidr4, cidr6, term);
    }

    private static Mechanism ipNetwork(char qualifier, String name, String arg, String term) throws SpfException {
        if (!arg.startsWith(":")) {
            throw SpfException.perm(name + " needs an address: " + term);
        }
        Matcher m = IP_CIDR.matcher(arg.substring(1));
        if (!m.matches()) {
            throw SpfException.perm("bad term " + term);
        }
        String address = m.group(1);
        boolean v6 = name.equals("ip6");
        if (v6 != address.contains(":") || !IpAddresses.isLiteral(address)) {
            throw SpfException.perm("bad address in " + term);
        }
        int max = v6 ? 128 : 32;
        int prefix = m.group(2) == null ? max : Integer.parseInt(m.group(2));
        if (prefix > max) {
            throw SpfException.perm("bad prefix length in " + term);
        }
        return new Mechanism(qualifier, name, address, v6 ? 32 : prefix, v6 ? prefix : 128, term);
    }
}
