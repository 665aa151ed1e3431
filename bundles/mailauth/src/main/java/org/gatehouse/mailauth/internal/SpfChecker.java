package org.gatehouse.mailauth.internal;

import java.net.InetAddress;

/**
 * SPF (RFC 7208) for a connecting client: the MAIL FROM identity, or the HELO identity when
 * MAIL FROM is the null sender. Thread-safe; each check has its own counters.
 */
final class SpfChecker {

    private final Dns dns;
    private final String receiver;

    /** @param receiver this gateway's name, the {@code %{r}} macro of explanations */
    SpfChecker(Dns dns, String receiver) {
        this.dns = dns;
        this.receiver = receiver;
    }

    SpfVerdict check(InetAddress ip, String mailFrom, String helo) {
        String heloName = helo == null ? "" : SpfMacros.normal(helo.trim());
        boolean useHelo = mailFrom == null || mailFrom.isBlank();
        String identity = useHelo ? "helo" : "mailfrom";
        String sender;
        if (useHelo) {
            sender = "postmaster@" + heloName;
        } else {
            String from = mailFrom.trim();
            int at = from.lastIndexOf('@');
            // A bare domain or local part: "postmaster" stands in for a missing local part (RFC 7208 4.3).
            sender = at < 0 ? "postmaster@" + from : at == 0 ? "postmaster" + from : from;
        }
        String domain = SpfMacros.normal(sender.substring(sender.lastIndexOf('@') + 1));
        if (useHelo && (heloName.isEmpty() || IpAddresses.isLiteral(heloName) || !SpfEvaluation.validDomain(heloName))) {
            return SpfVerdict.none(identity, sender, "HELO name is not a domain");
        }
        InetAddress client = IpAddresses.parse(ip.getHostAddress());
        SpfEvaluation evaluation = new SpfEvaluation(dns, sender, client, heloName, receiver);
        SpfEvaluation.Outcome outcome = evaluation.check(domain);
        return new SpfVerdict(outcome.result(), identity, sender, domain, outcome.explanation(), evaluation.walk());
    }
}
