package org.gatehouse.mailauth.internal;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * DMARC (RFC 7489): finds the policy record at the From domain or else its organizational
 * domain, checks identifier alignment of the SPF and DKIM results, and picks the policy that
 * applies to a failing message (p= or sp=, then pct= sampling).
 */
final class DmarcEvaluator {

    private final Dns dns;
    private final PublicSuffixList suffixes;
    private final IntSupplier percentRoll;

    /** @param percentRoll a number 0..99 per message, for pct= sampling */
    DmarcEvaluator(Dns dns, PublicSuffixList suffixes, IntSupplier percentRoll) {
        this.dns = dns;
        this.suffixes = suffixes;
        this.percentRoll = percentRoll;
    }

    /**
     * @param from the From domain, or "!why" when the message has no usable one ({@link FromDomain})
     */
    DmarcVerdict evaluate(String from, SpfVerdict spf, List<DkimVerdict> dkim) {
        if (from.startsWith("!")) {
            return DmarcVerdict.without(DmarcResult.PERMERROR, "", from.substring(1));
        }
        String organization = suffixes.organizationalDomain(from);
        DmarcRecord found;
        try {
            found = find(from);
            if (found == null && !organization.equals(from)) {
                found = find(organization);
            }
        } catch (DnsFailure e) {
            return DmarcVerdict.without(DmarcResult.TEMPERROR, from, e.getMessage());
        } catch (IllegalArgumentException e) {
            return DmarcVerdict.without(DmarcResult.PERMERROR, from, "unusable DMARC record: " + e.getMessage());
        }
        if (found == null) {
            return DmarcVerdict.without(DmarcResult.NONE, from, "no DMARC record");
        }
        DmarcRecord record = found;
        boolean spfAligned = spf.result() == SpfResult.PASS && aligned(spf.domain(), from, record.strictSpf());
        boolean dkimAligned = dkim.stream().anyMatch(v -> v.passed() && aligned(v.domain(), from, record.strictDkim()));
        if (spfAligned || dkimAligned) {
            return new DmarcVerdict(DmarcResult.PASS, from, record, DmarcPolicy.NONE, DmarcPolicy.NONE, spfAligned,
                    dkimAligned, "aligned " + (spfAligned ? "SPF" : "DKIM") + " pass");
        }
        boolean subdomain = !record.domain().equals(from);
        DmarcPolicy requested = subdomain && record.subdomainPolicy() != null ? record.subdomainPolicy() : record.policy();
        DmarcPolicy applied = requested;
        if (record.percent() < 100 && percentRoll.getAsInt() >= record.percent()) {
            applied = requested.milder();
        }
        return new DmarcVerdict(DmarcResult.FAIL, from, record, requested, applied, false, false,
                "neither SPF nor DKIM passed for a domain aligned with " + from);
    }

    /** Strict: the same name; relaxed: the same organizational domain (RFC 7489 3.1). */
    boolean aligned(String domain, String from, boolean strict) {
        String d = SpfMacros.normal(domain);
        if (d.equals(from)) {
            return true;
        }
        return !strict && suffixes.organizationalDomain(d).equals(suffixes.organizationalDomain(from));
    }

    /** The one DMARC record at {@code _dmarc.<domain>}, or null: none, or several (RFC 7489 6.6.3). */
    private DmarcRecord find(String domain) throws DnsFailure {
        DnsAnswer answer = dns.txt("_dmarc." + domain);
        if (answer.failed()) {
            throw new DnsFailure("DMARC record of " + domain + ": " + answer.error());
        }
        List<String> records = answer.values().stream().filter(DmarcRecord::isDmarc).toList();
        if (records.size() != 1) {
            return null;
        }
        return DmarcRecord.parse(domain, records.get(0));
    }

    private static final class DnsFailure extends Exception {
        private static final long serialVersionUID = 1L;

        DnsFailure(String why) {
            super(why, null, false, false);
        }
    }
}
