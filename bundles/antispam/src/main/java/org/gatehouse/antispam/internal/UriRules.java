package org.gatehouse.antispam.internal;

import java.util.List;

/** Rules on the links: where they point and how they hide it. */
final class UriRules {

    private UriRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("URI_NUMERIC_HOST", 15, "links to a bare IP address",
                        m -> m.uriHosts().stream().anyMatch(UriFinder::isIpAddress)),
                new Rule("URI_OBFUSCATED", 12, "links with user info or percent-escaped hosts",
                        m -> m.uris.stream().anyMatch(UriRules::obfuscated)));
    }

    private static boolean obfuscated(String uri) {
        String host = UriFinder.host(uri);
        int scheme = uri.indexOf("://");
        int at = uri.indexOf('@');
        int slash = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        boolean userInfo = scheme >= 0 && at > scheme && (slash < 0 || at < slash);
        return userInfo || host.contains("%");
    }
}
