package org.gatehouse.mailauth.internal;

/**
 * The outcome for one DKIM signature.
 *
 * @param result    pass, fail, policy (weak algorithm or key), neutral, temperror, permerror
 * @param reason    why, in words ({@code signature verified}, {@code body hash did not verify})
 * @param domain    d=
 * @param selector  s=
 * @param identity  i= (defaults to {@code @d})
 * @param algorithm a=
 * @param shortB    the start of b=, to tell signatures apart in Authentication-Results
 */
public record DkimVerdict(DkimResult result, String reason, String domain, String selector, String identity,
                   String algorithm, String shortB) {

    public boolean passed() {
        return result == DkimResult.PASS;
    }

    /** {@code dkim=pass header.d=b.example header.s=sel header.i=@b.example header.b=abcd1234}. */
    public String authResult() {
        StringBuilder out = new StringBuilder("dkim=").append(result.label());
        if (!passed()) {
            out.append(" (").append(Comments.clean(reason)).append(')');
        } else if (!algorithm.isEmpty()) {
            out.append(" (").append(algorithm).append(')');
        }
        if (!domain.isEmpty()) {
            out.append(" header.d=").append(domain);
        }
        if (!selector.isEmpty()) {
            out.append(" header.s=").append(selector);
        }
        if (!identity.isEmpty()) {
            out.append(" header.i=").append(identity);
        }
        if (!shortB.isEmpty()) {
            out.append(" header.b=\"").append(shortB).append('"');
        }
        return out.toString();
    }

    /** The mail log text: {@code pass signature verified (d=b.example s=sel i=@b.example)}. */
    public String logText() {
        return result.label() + " " + reason + " (d=" + domain + " s=" + selector + " i=" + identity + ")";
    }
}
