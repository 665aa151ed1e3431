package org.gatehouse.mailauth.internal;

/**
 * The DMARC outcome for one message.
 *
 * @param result       pass, fail, none, temperror, permerror
 * @param fromDomain   the RFC5322.From domain (empty when there is none)
 * @param record       the policy record that applied, or null
 * @param requested    what the domain asks for a failing message (p= or sp=); NONE unless the result is fail
 * @param applied      what applies to this message after pct= sampling; NONE unless the result is fail
 * @param spfAligned   SPF passed for a domain aligned with From
 * @param dkimAligned  a DKIM signature of a domain aligned with From passed
 * @param reason       in words, for the console and comments
 */
public record DmarcVerdict(DmarcResult result, String fromDomain, DmarcRecord record, DmarcPolicy requested,
                    DmarcPolicy applied, boolean spfAligned, boolean dkimAligned, String reason) {

    static DmarcVerdict without(DmarcResult result, String fromDomain, String reason) {
        return new DmarcVerdict(result, fromDomain, null, DmarcPolicy.NONE, DmarcPolicy.NONE, false, false, reason);
    }

    /** {@code dmarc=fail (p=reject dis=quarantine) header.from=b.example}. */
    public String authResult() {
        StringBuilder out = new StringBuilder("dmarc=").append(result.label());
        if (record != null) {
            out.append(" (p=").append(record.policy().label());
            if (record.subdomainPolicy() != null) {
                out.append(" sp=").append(record.subdomainPolicy().label());
            }
            out.append(" dis=").append(applied.label()).append(')');
        } else if (!reason.isEmpty()) {
            out.append(" (").append(Comments.clean(reason)).append(')');
        }
        if (!fromDomain.isEmpty()) {
            out.append(" header.from=").append(fromDomain);
        }
        return out.toString();
    }

    /** IronPort's words: {@code Message from domain b.example, DMARC pass (SPF aligned True, DKIM aligned True)}. */
    public String logText() {
        return "Message from domain " + (fromDomain.isEmpty() ? "(none)" : fromDomain) + ", DMARC " + result.label()
                + (result == DmarcResult.PASS || result == DmarcResult.FAIL
                    ? " (SPF aligned " + capital(spfAligned) + ", DKIM aligned " + capital(dkimAligned) + ")"
                    : " (" + reason + ")");
    }

    private static String capital(boolean b) {
        return b ? "True" : "False";
    }
}
