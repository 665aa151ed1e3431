package org.gatehouse.mailauth.internal;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** SPF macro expansion (RFC 7208 section 7). */
final class SpfMacros {

    /** What the macros stand for in one check. {@code validatedName} is asked only when %{p} is used. */
    record Facts(String sender, InetAddress ip, String helo, String receiver, Supplier<String> validatedName) {
        String localPart() {
            int at = sender.lastIndexOf('@');
            return at <= 0 ? "postmaster" : sender.substring(0, at);
        }

        String senderDomain() {
            int at = sender.lastIndexOf('@');
            return at < 0 ? sender : sender.substring(at + 1);
        }
    }

    private SpfMacros() {
    }

    /**
     * Expands a domain-spec or, with {@code explanation}, an exp= text (where c, r and t are allowed).
     *
     * @param domain the domain check_host is evaluating ({@code %{d}})
     */
    static String expand(String spec, Facts facts, String domain, boolean explanation) throws SpfException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= spec.length()) {
                throw SpfException.perm("'%' at the end of " + spec);
            }
            char next = spec.charAt(i + 1);
            switch (next) {
                case '%' -> out.append('%');
                case '_' -> out.append(' ');
                case '-' -> out.append("%20");
                case '{' -> {
                    int close = spec.indexOf('}', i + 2);
                    if (close < 0) {
                        throw SpfException.perm("unclosed macro in " + spec);
                    }
                    out.append(macro(spec.substring(i + 2, close), facts, domain, explanation));
                    i = close + 1;
                    continue;
                }
                default -> throw SpfException.perm("bad macro '%" + next + "' in " + spec);
            }
            i += 2;
        }
        return out.toString();
    }

    private static String macro(String body, Facts facts, String domain, boolean explanation) throws SpfException {
        if (body.isEmpty()) {
            throw SpfException.perm("empty macro");
        }
        char letter = body.charAt(0);
        String value = value(Character.toLowerCase(letter), facts, domain, explanation);
        int i = 1;
        int digits = 0;
        boolean hasDigits = false;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            hasDigits = true;
            digits = Math.min(digits * 10 + (body.charAt(i) - '0'), 1000);
            i++;
        }
        if (hasDigits && digits == 0) {
            throw SpfException.perm("macro keeps 0 labels: %{" + body + "}");
        }
        boolean reverse = false;
        if (i < body.length() && Character.toLowerCase(body.charAt(i)) == 'r') {
            reverse = true;
            i++;
        }
        String delimiters = body.substring(i);
        for (char d : delimiters.toCharArray()) {
            if (".-+,/_=".indexOf(d) < 0) {
                throw SpfException.perm("bad macro delimiter '" + d + "' in %{" + body + "}");
            }
        }
        if (delimiters.isEmpty()) {
            delimiters = ".";
        }
        List<String> parts = split(value, delimiters);
        if (reverse) {
            Collections.reverse(parts);
        }
        if (hasDigits && digits < parts.size()) {
            parts = parts.subList(parts.size() - digits, parts.size());
        }
        String result = String.join(".", parts);
        if (Character.isUpperCase(letter)) {
            result = URLEncoder.encode(result, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return result;
    }

    private static List<String> split(String value, String delimiters) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (delimiters.indexOf(value.charAt(i)) >= 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    private static String value(char letter, Facts facts, String domain, boolean explanation) throws SpfException {
        switch (letter) {
            case 's': return facts.sender();
            case 'l': return facts.localPart();
            case 'o': return facts.senderDomain();
            case 'd': return domain;
            case 'i': return IpAddresses.spfDotted(facts.ip());
            case 'p': return facts.validatedName().get();
            case 'v': return IpAddresses.isV6(facts.ip()) ? "ip6" : "in-addr";
            case 'h': return facts.helo() == null || facts.helo().isEmpty() ? "unknown" : facts.helo();
            default:
                break;
        }
        if (explanation) {
            switch (letter) {
                case 'c': return facts.ip().getHostAddress();
                case 'r': return facts.receiver();
                case 't': return Long.toString(System.currentTimeMillis() / 1000);
                default:
                    break;
            }
        }
        throw SpfException.perm("unknown macro letter '" + letter + "'");
    }

    /** For the trail: lower case, no trailing dot. */
    static String normal(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
