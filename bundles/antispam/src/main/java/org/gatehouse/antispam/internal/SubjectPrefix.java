package org.gatehouse.antispam.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a prefix such as {@code [SPAM]} in front of a message's Subject, within its header
 * block (the part before the first empty line). Pure text work, ready for when the api lets a
 * stage rewrite content; today the stage only annotates the wanted prefix.
 */
final class SubjectPrefix {

    private static final Pattern SUBJECT = Pattern.compile("(?im)^Subject:[ \\t]?");

    private SubjectPrefix() {
    }

    /**
     * @param header the header block, CRLF or LF lines, without the empty line
     * @return the header block with the prefixed Subject (added when missing); unchanged
     *         when the subject already starts with the prefix
     */
    static String apply(String header, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return header;
        }
        Matcher m = SUBJECT.matcher(header);
        if (!m.find()) {
            String eol = header.contains("\r\n") ? "\r\n" : "\n";
            return header + (header.isEmpty() || header.endsWith("\n") ? "" : eol) + "Subject: " + prefix + eol;
        }
        if (header.startsWith(prefix, m.end())) {
            return header;
        }
        return header.substring(0, m.end()) + prefix + " " + header.substring(m.end());
    }
}
