package org.gatehouse.mailauth.internal;

import java.util.Map;

/**
 * A DMARC policy record ({@code _dmarc.<domain>} TXT, RFC 7489 6.3).
 *
 * @param domain        where it was found (the From domain or its organizational domain)
 * @param policy        p=
 * @param subdomainPolicy sp=, or null (then p= applies to subdomains too)
 * @param percent       pct= (0..100)
 * @param strictDkim    adkim=s
 * @param strictSpf     aspf=s
 */
public record DmarcRecord(String domain, DmarcPolicy policy, DmarcPolicy subdomainPolicy, int percent,
                   boolean strictDkim, boolean strictSpf) {

    /** True for a TXT record that claims to be DMARC (v=DMARC1 first). */
    static boolean isDmarc(String txt) {
        return txt.strip().matches("(?s)v\\s*=\\s*DMARC1\\s*(;.*)?");
    }

    /**
     * Parses a record; a bad p= (or sp=) with a rua= is read as p=none (RFC 7489 6.6.3).
     *
     * @throws IllegalArgumentException when the record cannot be used
     */
    static DmarcRecord parse(String domain, String txt) {
        Map<String, String> tags = TagList.parse(txt);
        DmarcPolicy policy;
        DmarcPolicy subdomain;
        try {
            if (!tags.containsKey("p")) {
                throw new IllegalArgumentException("no p= tag");
            }
            policy = DmarcPolicy.of(tags.get("p"));
            subdomain = tags.containsKey("sp") ? DmarcPolicy.of(tags.get("sp")) : null;
        } catch (IllegalArgumentException e) {
            if (!tags.getOrDefault("rua", "").isBlank()) {
                policy = DmarcPolicy.NONE;
                subdomain = null;
            } else {
                throw e;
            }
        }
        int percent = 100;
        if (tags.containsKey("pct")) {
            try {
                percent = Math.max(0, Math.min(100, Integer.parseInt(tags.get("pct"))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad pct=" + tags.get("pct"), e);
            }
        }
        return new DmarcRecord(domain, policy, subdomain, percent, "s".equalsIgnoreCase(tags.get("adkim")),
                "s".equalsIgnoreCase(tags.get("aspf")));
    }
}
