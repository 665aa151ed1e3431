package org.gatehouse.smtplistener.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The argument of MAIL FROM / RCPT TO: a path in angle brackets and ESMTP parameters.
 *
 * @param address the mailbox without brackets and without a source route; empty for {@code <>}
 * @param params  parameter names upper-cased, values as given (null when there is none)
 */
record PathArgument(String address, Map<String, String> params) {

    /** RFC 5321 4.5.3.1.3: a path, brackets included, is at most 256 octets. */
    static final int MAX_PATH = 256;
    /** Compiled once: MAIL and RCPT are parsed for every recipient of every message. */
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Pattern DOMAIN = Pattern.compile("[^\\s\\[\\]<>()@,;:\"\\\\]*");

    /** Parses the text after the verb, e.g. {@code FROM:<a@example.org> SIZE=100}. */
    static PathArgument parse(String text, String keyword) throws SmtpReplyException {
        String arg = text.trim();
        if (arg.length() < keyword.length() + 1
                || !arg.regionMatches(true, 0, keyword, 0, keyword.length())
                || arg.charAt(keyword.length()) != ':') {
            throw new SmtpReplyException("501 5.5.4 Syntax: " + ("FROM".equals(keyword) ? "MAIL FROM:<address>" : "RCPT TO:<address>"));
        }
        String rest = arg.substring(keyword.length() + 1).stripLeading();
        if (rest.isEmpty() || rest.charAt(0) != '<') {
            throw new SmtpReplyException("501 5.1.7 Address must be in angle brackets");
        }
        int close = closingBracket(rest);
        if (close < 0) {
            throw new SmtpReplyException("501 5.1.7 Missing closing angle bracket");
        }
        if (close + 1 > MAX_PATH) {
            throw new SmtpReplyException("501 5.1.3 Path too long");
        }
        String path = rest.substring(1, close);
        if (path.startsWith("@")) {
            // A source route (@a,@b:user@c) is obsolete: RFC 5321 says to ignore it.
            int colon = path.indexOf(':');
            if (colon < 0) {
                throw new SmtpReplyException("501 5.1.3 Bad address syntax");
            }
            path = path.substring(colon + 1);
        }
        checkMailbox(path);
        Map<String, String> params = new LinkedHashMap<>();
        String tail = rest.substring(close + 1);
        if (!tail.isEmpty() && tail.charAt(0) != ' ') {
            throw new SmtpReplyException("501 5.5.4 Space expected after the address");
        }
        for (String param : SPACES.split(tail.trim())) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toUpperCase(Locale.ROOT);
            if (name.isEmpty() || params.containsKey(name)) {
                throw new SmtpReplyException("501 5.5.4 Bad or repeated parameter " + param);
            }
            params.put(name, eq < 0 ? null : param.substring(eq + 1));
        }
        return new PathArgument(path, params);
    }

    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static void checkMailbox(String path) throws SmtpReplyException {
        if (path.isEmpty()) {
            return;
        }
        int at = path.lastIndexOf('@');
        String local = at < 0 ? path : path.substring(0, at);
        String domain = at < 0 ? "" : path.substring(at + 1);
        if (local.isEmpty() || (at >= 0 && domain.isEmpty()) || local.length() > 64 || domain.length() > 255) {
            throw new SmtpReplyException("501 5.1.3 Bad address syntax");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || (c == ' ' && !local.startsWith("\""))) {
                throw new SmtpReplyException("501 5.1.3 Bad address syntax");
            }
        }
        if (domain.startsWith("[") ? !domain.endsWith("]") : !DOMAIN.matcher(domain).matches()) {
            throw new SmtpReplyException("501 5.1.3 Bad domain in address");
        }
    }
}
