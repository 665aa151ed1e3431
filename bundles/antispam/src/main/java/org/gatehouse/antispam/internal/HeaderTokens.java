package org.gatehouse.antispam.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header tokens, prefixed by the header they come from, so "free" in a Subject weighs
 * differently from "free" in the body. Headers a spam filter itself added upstream
 * ({@code X-Spam-*}) are ignored: they would teach the model another filter's opinion.
 */
final class HeaderTokens {

    private static final Pattern ADDRESS = Pattern.compile("([^\\s<>\"@,;]+)@([A-Za-z0-9.-]+)");
    private static final Pattern IPV4 = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\b");
    private static final Pattern WORDISH = Pattern.compile("[A-Za-z][A-Za-z0-9.-]{2,40}");
    private static final Pattern DIGIT_RUN = Pattern.compile(".*\\d{3,}.*");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final int RECEIVED_HEADERS = 4;

    void add(ParsedMail mail, Set<String> tokens) {
        int received = 0;
        for (HeaderField field : mail.headers) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-spam")) {
                continue;
            }
            tokens.add("hdr:" + name);
            switch (name) {
                case "subject" -> subject(field.value(), tokens);
                case "from" -> from(field.value(), tokens);
                case "to", "cc" -> recipients(name, field.value(), tokens);
                case "message-id" -> messageId(field.value(), tokens);
                case "received" -> {
                    if (received++ < RECEIVED_HEADERS) {
                        received(field.value(), tokens);
                    }
                }
                case "x-mailer", "user-agent" -> tokens.add("mailer:" + mailer(field.value()));
                case "content-type" -> tokens.add("ct:" + field.value().split(";")[0].trim().toLowerCase(Locale.ROOT));
                case "date" -> date(field.value(), tokens);
                case "precedence", "x-priority", "importance", "x-msmail-priority" ->
                        tokens.add(name + ":" + field.value().trim().toLowerCase(Locale.ROOT));
                default -> {
                }
            }
        }
        String from = address(mail.header("From"));
        String replyTo = address(mail.header("Reply-To"));
        if (!replyTo.isEmpty() && !replyTo.equals(from)) {
            tokens.add("replyto:differs");
        }
        if (!mail.hasHeader("Message-ID")) {
            tokens.add("message-id:none");
        }
        if (!mail.hasHeader("Date")) {
            tokens.add("date:none");
        }
    }

    private static void subject(String subject, Set<String> tokens) {
        Tokenizer.words(subject, "subject:", tokens);
        for (String w : subject.split("\\s+")) {
            if (w.length() >= 1 && w.length() < Tokenizer.MIN_WORD) {
                tokens.add("subject:" + w.toLowerCase(Locale.ROOT));
            }
        }
        if (inCapitals(subject, 8)) {
            tokens.add("subject:ALLCAPS");
        }
        if (subject.contains("!!") || subject.contains("$$")) {
            tokens.add("subject:shouting");
        }
        if (subject.isBlank()) {
            tokens.add("subject:empty");
        }
    }

    private static void from(String value, Set<String> tokens) {
        Matcher m = ADDRESS.matcher(value);
        if (!m.find()) {
            tokens.add("from:noaddress");
            return;
        }
        String local = m.group(1).toLowerCase(Locale.ROOT);
        String domain = m.group(2).toLowerCase(Locale.ROOT);
        tokens.add("from:dom:" + domain);
        tokens.add("from:local:" + local);
        if (DIGIT_RUN.matcher(local).matches()) {
            tokens.add("from:local:digits");
        }
        String name = value.substring(0, m.start()).replace("\"", "").replace("<", "").trim();
        if (name.isEmpty()) {
            tokens.add("from:noname");
        } else {
            Tokenizer.words(name, "from:name:", tokens);
        }
    }

    private static void recipients(String name, String value, Set<String> tokens) {
        Matcher m = ADDRESS.matcher(value);
        int count = 0;
        while (m.find()) {
            count++;
            tokens.add(name + ":dom:" + m.group(2).toLowerCase(Locale.ROOT));
        }
        tokens.add(name + ":count:" + Math.min(count, 10));
        if (value.toLowerCase(Locale.ROOT).contains("undisclosed")) {
            tokens.add(name + ":undisclosed");
        }
    }

    private static void messageId(String value, Set<String> tokens) {
        int at = value.lastIndexOf('@');
        int close = value.lastIndexOf('>');
        if (at < 0 || close < at) {
            tokens.add("message-id:malformed");
        } else {
            tokens.add("message-id:@" + value.substring(at + 1, close).toLowerCase(Locale.ROOT));
        }
    }

    private static void received(String value, Set<String> tokens) {
        Matcher ip = IPV4.matcher(value);
        while (ip.find()) {
            tokens.add("received:" + ip.group(1) + "." + ip.group(2));
            tokens.add("received:" + ip.group(1) + "." + ip.group(2) + "." + ip.group(3));
        }
        Matcher word = WORDISH.matcher(value);
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            if (w.indexOf('.') > 0) {
                tokens.add("received:" + w);
            }
        }
    }

    private static void date(String value, Set<String> tokens) {
        String[] parts = value.trim().split("\\s+");
        String zone = parts[parts.length - 1];
        tokens.add("date:zone:" + (zone.length() > 6 ? "long" : zone.toLowerCase(Locale.ROOT)));
    }

    private static String mailer(String value) {
        String lower = DIGIT.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("#");
        return lower.length() > 30 ? lower.substring(0, 30) : lower;
    }

    /** At least {@code minLetters} letters, and at least 80% of them capitals. */
    static boolean inCapitals(String text, int minLetters) {
        long letters = text.chars().filter(Character::isLetter).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        return letters >= minLetters && upper * 10 >= letters * 8;
    }

    static String address(String value) {
        Matcher m = ADDRESS.matcher(value);
        return m.find() ? (m.group(1) + "@" + m.group(2)).toLowerCase(Locale.ROOT) : "";
    }
}
