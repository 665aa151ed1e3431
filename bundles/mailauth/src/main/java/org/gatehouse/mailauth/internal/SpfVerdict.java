package org.gatehouse.mailauth.internal;

import java.util.List;

/**
 * The outcome of one SPF check and how it came about.
 *
 * @param result      pass, fail, ...
 * @param identity    {@code mailfrom} or {@code helo}: which identity was checked
 * @param sender      the checked sender ({@code postmaster@helo} for the HELO identity)
 * @param domain      the sender's domain
 * @param explanation why, in words (the domain's exp= text for a fail, when it has one)
 * @param walk        the records and mechanisms as they were evaluated, for the console
 */
public record SpfVerdict(SpfResult result, String identity, String sender, String domain, String explanation, List<String> walk) {

    public SpfVerdict {
        walk = List.copyOf(walk);
    }

    /** Nothing checked (SPF off, or no identity to check). */
    static SpfVerdict none(String identity, String sender, String why) {
        int at = sender.lastIndexOf('@');
        return new SpfVerdict(SpfResult.NONE, identity, sender, at < 0 ? sender : sender.substring(at + 1), why, List.of());
    }

    /** The Authentication-Results method: {@code spf=pass smtp.mailfrom=a@b.example}. */
    public String authResult() {
        String property = identity.equals("helo") ? "smtp.helo=" + domain : "smtp.mailfrom=" + sender;
        return "spf=" + result.label() + (explanation.isEmpty() ? "" : " (" + Comments.clean(explanation) + ")") + " " + property;
    }
}
