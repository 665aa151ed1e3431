package org.gatehouse.mailauth.internal;

import java.util.ArrayList;
import java.util.List;

/** The Authentication-Results field value (RFC 8601): {@code authserv-id; spf=...; dkim=...; dmarc=...}. */
final class AuthenticationResults {

    /** More signatures than this are left out of the field (they are still in the log). */
    static final int MAX_DKIM_RESULTS = 5;

    private AuthenticationResults() {
    }

    static String of(String authservId, MailAuth.Authentication a) {
        List<String> methods = new ArrayList<>();
        if (a.reported().spf() && a.spf() != null) {
            methods.add(a.spf().authResult());
        }
        if (a.reported().dkim()) {
            if (a.dkim().isEmpty()) {
                methods.add("dkim=none");
            }
            a.dkim().stream().limit(MAX_DKIM_RESULTS).forEach(v -> methods.add(v.authResult()));
        }
        if (a.reported().dmarc() && a.dmarc() != null) {
            methods.add(a.dmarc().authResult());
        }
        if (methods.isEmpty()) {
            return authservId + "; none";
        }
        return authservId + "; " + String.join("; ", methods);
    }
}
