package org.gatehouse.antispam.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds links in text and names the host each one points to. */
final class UriFinder {

    private static final Pattern URI = Pattern.compile(
            "(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'()\\[\\]{}]{2,500}");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DECIMAL_ADDRESS = Pattern.compile("\\d{8,10}");
    private static final int MAX_URIS = 200;

    private UriFinder() {
    }

    /**
     * Adds the links in {@code text}: the matches of {@link #URI}, found by trying the pattern
     * only where a link can start (h, f or w after a non-word character) instead of letting
     * {@code find()} try every character, which was a tenth of the scan time.
     */
    static void find(CharSequence text, List<String> into) {
        Matcher m = URI.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int i = 0;
        while (i < n && into.size() < MAX_URIS) {
            char c = text.charAt(i);
            boolean start = c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W';
            if (!start || i > 0 && Phrases.isAsciiWordChar(text.charAt(i - 1))) {
                i++;
                continue;
            }
            m.region(i, n);
            if (m.lookingAt()) {
                into.add(trimTrailingPunctuation(m.group()));
                i = m.end();
            } else {
                i++;
            }
        }
    }

    /** The host part of a URI (no user info, no port), lower case, or empty. */
    static String host(String uri) {
        String rest = uri;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        } else if (!rest.regionMatches(true, 0, "www.", 0, 4)) {
            return "";
        }
        int end = 0;
        while (end < rest.length() && "/?#\\".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.indexOf(':');
        if (colon >= 0) {
            authority = authority.substring(0, colon);
        }
        while (authority.endsWith(".")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        return authority.toLowerCase(Locale.ROOT);
    }

    static boolean isIpAddress(String host) {
        return DOTTED_QUAD.matcher(host).matches() || DECIMAL_ADDRESS.matcher(host).matches() || host.startsWith("0x");
    }

    private static String trimTrailingPunctuation(String uri) {
        int end = uri.length();
        while (end > 0 && ".,;:!?".indexOf(uri.charAt(end - 1)) >= 0) {
            end--;
        }
        return uri.substring(0, end);
    }
}
