package org.gatehouse.mailauth.internal;

import java.util.List;

/**
 * One DNS answer as SPF, DKIM and DMARC need it: the records found (as text), or why there are
 * none. "No domain" and "no records" are answers (void lookups in SPF terms); an error is not.
 *
 * @param outcome what the server said
 * @param values  TXT strings (joined per record), addresses, MX or PTR target names (no trailing dot)
 * @param error   what went wrong for {@link Outcome#ERROR}, else empty
 */
record DnsAnswer(Outcome outcome, List<String> values, String error) {

    enum Outcome { FOUND, NO_RECORDS, NO_DOMAIN, ERROR }

    DnsAnswer {
        values = List.copyOf(values);
    }

    static DnsAnswer found(List<String> values) {
        return values.isEmpty() ? new DnsAnswer(Outcome.NO_RECORDS, List.of(), "") : new DnsAnswer(Outcome.FOUND, values, "");
    }

    static DnsAnswer noDomain() {
        return new DnsAnswer(Outcome.NO_DOMAIN, List.of(), "");
    }

    static DnsAnswer error(String why) {
        return new DnsAnswer(Outcome.ERROR, List.of(), why);
    }

    boolean failed() {
        return outcome == Outcome.ERROR;
    }

    /** NXDOMAIN or an empty answer: a "void lookup" (RFC 7208 4.6.4). */
    boolean isVoid() {
        return outcome == Outcome.NO_DOMAIN || outcome == Outcome.NO_RECORDS;
    }

    @Override
    public String toString() {
        return switch (outcome) {
            case FOUND -> String.join(", ", values);
            case NO_RECORDS -> "no records";
            case NO_DOMAIN -> "no such domain";
            case ERROR -> "DNS error: " + error;
        };
    }
}
