package org.gatehouse.itests.support;

import java.util.List;

/** One SMTP reply: its code and every line of text (without the code and separator). */
public record SmtpReply(int code, List<String> lines) {

    public boolean isPositive() {
        return code >= 200 && code < 400;
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public String toString() {
        return code + " " + String.join(" / ", lines);
    }
}
