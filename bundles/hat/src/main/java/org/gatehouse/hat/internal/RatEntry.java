package org.gatehouse.hat.internal;

import java.util.Locale;

/**
 * One recipient access table entry: {@code <recipient> ACCEPT [bypass-throttling]} or
 * {@code <recipient> REJECT [reply]}, where the recipient is {@code user@domain}, {@code user@},
 * {@code domain}, {@code .subdomain} or {@code [IP]}.
 *
 * @param recipient the pattern, lower case
 * @param accept    ACCEPT (else REJECT)
 * @param bypassThrottling accepted recipients do not count against the host's hourly limit
 * @param reply     the full reply for REJECT
 */
record RatEntry(String recipient, boolean accept, boolean bypassThrottling, String reply) {

    static final String BYPASS = "bypass-throttling";
    static final String DEFAULT_REJECT = "550 5.7.1 Recipient address rejected";
    static final String RELAY_DENIED = "550 5.7.1 Recipient address rejected: relay not permitted";
    /** The last entry of every RAT; it cannot be removed, so no public listener is an open relay. */
    static final RatEntry ALL = new RatEntry("ALL", false, false, RELAY_DENIED);

    static RatEntry parse(String line) {
        String[] words = line == null ? new String[0] : line.trim().split("\\s+", 3);
        if (words.length < 2 || words[0].isEmpty()) {
            throw bad(line, "expected '<recipient> ACCEPT|REJECT [...]'");
        }
        String recipient = words[0].toLowerCase(Locale.ROOT);
        if (recipient.equals("all")) {
            throw bad(line, "ALL -> REJECT is always the last entry and cannot be changed");
        }
        checkRecipient(recipient, line);
        String rest = words.length > 2 ? words[2].trim() : "";
        String action = words[1].toUpperCase(Locale.ROOT);
        if (action.equals("ACCEPT")) {
            if (!rest.isEmpty() && !rest.equalsIgnoreCase(BYPASS)) {
                throw bad(line, "ACCEPT takes only '" + BYPASS + "' after it");
            }
            return new RatEntry(recipient, true, !rest.isEmpty(), null);
        }
        if (action.equals("REJECT")) {
            if (!rest.isEmpty() && !rest.matches("5\\d\\d( .*)?|4\\d\\d( .*)?")) {
                throw bad(line, "the reply must start with a 4xx or 5xx code, e.g. 550 5.1.1 Gone");
            }
            return new RatEntry(recipient, false, false, rest.isEmpty() ? DEFAULT_REJECT : rest);
        }
        throw bad(line, "the action must be ACCEPT or REJECT, not '" + words[1] + "'");
    }

    /** Refuses a recipient that is none of the five forms. */
    private static void checkRecipient(String recipient, String line) {
        if (recipient.startsWith("[") && recipient.endsWith("]")) {
            String ip = recipient.substring(1, recipient.length() - 1);
            if (ip.startsWith("ipv6:")) {
                ip = ip.substring(5);
            }
            if (IpAddresses.parse(ip) == null) {
                throw bad(line, "'" + recipient + "' is not an address literal");
            }
            return;
        }
        int at = recipient.indexOf('@');
        if (at >= 0) {
            String user = recipient.substring(0, at);
            String domain = recipient.substring(at + 1);
            if (user.isEmpty() || user.indexOf('@') >= 0 || domain.indexOf('@') >= 0) {
                throw bad(line, "'" + recipient + "' is not user@domain or user@");
            }
            if (!domain.isEmpty() && EntryParser.hostname(domain) == null) {
                throw bad(line, "'" + domain + "' is not a domain name");
            }
            return;
        }
        if (recipient.startsWith(".")) {
            if (EntryParser.hostname(recipient.substring(1)) == null) {
                throw bad(line, "'" + recipient + "' is not .domain");
            }
            return;
        }
        if (EntryParser.hostname(recipient) == null) {
            throw bad(line, "'" + recipient + "' is not a domain, .subdomain, user@domain, user@ or [IP]");
        }
    }

    /** As the admin writes it in the config. */
    String text() {
        if (accept) {
            return recipient + " ACCEPT" + (bypassThrottling ? " " + BYPASS : "");
        }
        return recipient + " REJECT " + reply;
    }

    private static IllegalArgumentException bad(String line, String why) {
        return new IllegalArgumentException("invalid RAT entry '" + line + "': " + why);
    }
}
