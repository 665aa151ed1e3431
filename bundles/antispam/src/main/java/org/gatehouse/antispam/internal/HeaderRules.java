package org.gatehouse.antispam.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules on the header: what senders of bulk mail leave out, forge or overdo. */
final class HeaderRules {

    private static final Pattern SUBJECT_SALES = Pattern.compile("(?i)\\b(?:free|\\$\\d|cash|money|earn|save"
            + "|mortgage|rates?|loans?|debt|viagra|weight|guarantee\\w*|urgent|winner|offer|deal|cheap|sale"
            + "|income|credit|investors?|stock|\\d+%)\\b|!|\\$");
    private static final Pattern FREEMAIL = Pattern.compile(
            "(?i)@(?:hotmail|yahoo|aol|msn|excite|lycos|netscape|juno|mail|email|usa|btamail|rediffmail)\\.");
    private static final Pattern KNOWN_CLIENT = Pattern.compile(
            "(?i)mutt|pine|thunderbird|mozilla|evolution|kmail|gnus|sylpheed|exmh|mail\\.app|apple mail|ximian");

    private static final Pattern MESSAGE_ID = Pattern.compile("(?s)\\s*<[^<>@]+@[^<>@]+>.*");
    private static final Pattern DIGITS_SENDER = Pattern.compile("[^@]*\\d{4,}[^@]*@.*");
    private static final Pattern HIGH_PRIORITY = Pattern.compile("[12]\\b.*");

    private HeaderRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("MISSING_DATE", 10, "no Date header", m -> !m.hasHeader("Date")),
                new Rule("MISSING_MESSAGE_ID", 10, "no Message-ID header", m -> !m.hasHeader("Message-ID")),
                new Rule("MESSAGE_ID_MALFORMED", 12, "Message-ID without <local@domain>",
                        m -> m.hasHeader("Message-ID") && !MESSAGE_ID.matcher(m.header("Message-ID")).matches()),
                new Rule("SUBJ_ALL_CAPS", 8, "subject written in capitals", m -> HeaderTokens.inCapitals(m.header("Subject"), 10)),
                new Rule("SUBJ_SALES", 4, "subject with money, offers or exclamation marks",
                        m -> SUBJECT_SALES.matcher(m.header("Subject")).find()),
                new Rule("SUBJ_EMPTY", 4, "empty or missing subject", m -> m.header("Subject").isBlank()),
                new Rule("TO_UNDISCLOSED", 8, "undisclosed or missing recipients", HeaderRules::undisclosed),
                new Rule("REPLYTO_FREEMAIL", 10, "replies go to a freemail address the From does not use",
                        HeaderRules::replyToFreemail),
                new Rule("FROM_DIGITS", 5, "sender's local part is mostly digits",
                        m -> DIGITS_SENDER.matcher(HeaderTokens.address(m.header("From"))).matches()),
                new Rule("PRIORITY_HIGH", 15, "marked urgent (X-Priority 1 or 2)",
                        m -> HIGH_PRIORITY.matcher(m.header("X-Priority").trim()).matches() || m.header("X-MSMail-Priority").equalsIgnoreCase("High")),
                new Rule("IN_REPLY", -10, "answers an earlier message (In-Reply-To or References)",
                        m -> m.hasHeader("In-Reply-To") || m.hasHeader("References")),
                new Rule("KNOWN_MAIL_CLIENT", -6, "written with a personal mail client",
                        m -> KNOWN_CLIENT.matcher(m.header("User-Agent") + " " + m.header("X-Mailer")).find()));
    }

    private static boolean undisclosed(ParsedMail m) {
        String to = m.header("To").toLowerCase(Locale.ROOT);
        return !m.hasHeader("To") && !m.hasHeader("Cc") || to.contains("undisclosed") || to.contains("recipient list");
    }

    private static boolean replyToFreemail(ParsedMail m) {
        String replyTo = HeaderTokens.address(m.header("Reply-To"));
        String from = HeaderTokens.address(m.header("From"));
        return !replyTo.isEmpty() && !replyTo.equals(from) && FREEMAIL.matcher(replyTo).find()
                && !FREEMAIL.matcher(from).find();
    }
}
