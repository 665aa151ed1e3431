package org.gatehouse.delivery.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP reply (possibly multi-line) from the next hop, or one that delivery made up itself
 * for a failure that happened before any server answered (DNS, connect, policy).
 *
 * @param code   the three-digit reply code
 * @param lines  the text of each line without the code
 * @param remote true when a remote server said it (it goes into DSNs as {@code smtp;})
 */
public record SmtpReply(int code, List<String> lines, boolean remote) {

    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    public SmtpReply {
        lines = List.copyOf(lines);
    }

    /** A reply made up by the gateway itself, e.g. {@code local(451, "4.4.1 No answer from host")}. */
    public static SmtpReply local(int code, String text) {
        return new SmtpReply(code, List.of(text), false);
    }

    public boolean positive() {
        return code >= 200 && code < 300;
    }

    public boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    public boolean permanentFailure() {
        return code >= 500;
    }

    /** The enhanced status code (RFC 3463) the reply carries, else one derived from the code. */
    public String status() {
        if (!lines.isEmpty()) {
            Matcher m = ENHANCED.matcher(lines.get(0));
            if (m.find() && m.group(1).charAt(0) - '0' == code / 100) {
                return m.group(1) + "." + m.group(2) + "." + m.group(3);
            }
        }
        return (code / 100) + ".0.0";
    }

    /** The reply on one line, as the mail log and DSNs show it: {@code 550 5.1.1 No such user}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(code);
        for (String line : lines) {
            text.append(' ').append(line);
        }
        return text.toString();
    }
}
