package org.gatehouse.mailauth.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Public Suffix List (publicsuffix.org), shipped in the bundle (never fetched at run time),
 * for DMARC's organizational domain (RFC 7489 3.2): the public suffix plus one label.
 */
final class PublicSuffixList {

    static final String RESOURCE = "public_suffix_list.dat";

    private final Set<String> rules = new HashSet<>();
    private final Set<String> wildcards = new HashSet<>();
    private final Set<String> exceptions = new HashSet<>();
    private final String version;

    private PublicSuffixList(InputStream in) throws IOException {
        String found = "unknown";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String rule = line.strip();
                if (rule.startsWith("// VERSION:")) {
                    found = rule.substring("// VERSION:".length()).strip();
                }
                if (rule.isEmpty() || rule.startsWith("//")) {
                    continue;
                }
                rule = rule.split("\\s")[0];
                if (rule.startsWith("!")) {
                    exceptions.add(ascii(rule.substring(1)));
                } else if (rule.startsWith("*.")) {
                    wildcards.add(ascii(rule.substring(2)));
                } else {
                    rules.add(ascii(rule));
                }
            }
        }
        this.version = found;
    }

    /** The list shipped in this bundle. */
    /** The list in the bundle: read once (a config change rebuilds the engine, not the list, which never changes). */
    static PublicSuffixList shipped() {
        return Shipped.LIST;
    }

    private static final class Shipped {
        static final PublicSuffixList LIST = load();
    }

    private static PublicSuffixList load() {
        try (InputStream in = PublicSuffixList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its " + RESOURCE);
            }
            return new PublicSuffixList(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return version;
    }

    int size() {
        return rules.size() + wildcards.size() + exceptions.size();
    }

    private static String ascii(String name) {
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** The public suffix of a domain: the longest matching rule, "*" (the last label) by default. */
    String publicSuffix(String domain) {
        String name = ascii(domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
        String[] labels = name.split("\\.");
        for (int i = 0; i < labels.length; i++) {
            String candidate = String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length));
            if (exceptions.contains(candidate)) {
                // An exception rule: the suffix is the rule minus its leftmost label.
                return String.join(".", java.util.Arrays.copyOfRange(labels, i + 1, labels.length));
            }
            if (rules.contains(candidate)) {
                return candidate;
            }
            String parent = i + 1 < labels.length ? String.join(".", java.util.Arrays.copyOfRange(labels, i + 1, labels.length)) : null;
            if (parent != null && wildcards.contains(parent)) {
                return candidate;
            }
        }
        return labels[labels.length - 1];
    }

    /** The organizational domain: the public suffix and one more label; the name itself when it is a suffix. */
    String organizationalDomain(String domain) {
        String name = ascii(domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
        String suffix = publicSuffix(name);
        if (name.equals(suffix) || !name.endsWith("." + suffix)) {
            return name;
        }
        String rest = name.substring(0, name.length() - suffix.length() - 1);
        return rest.substring(rest.lastIndexOf('.') + 1) + "." + suffix;
    }
}
