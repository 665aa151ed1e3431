package org.gatehouse.antispam.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a parsed message into the set of tokens the classifier weighs: prefixed header tokens
 * ({@code subject:free}, {@code from:dom:example.com}), words of the decoded text, URI hosts
 * and paths, HTML markup and the MIME structure. Each token counts once per message.
 */
final class Tokenizer {

    static final int MIN_WORD = 3;
    static final int MAX_WORD = 12;
    private static final int MAX_TOKENS = 5000;

    private final HeaderTokens headerTokens = new HeaderTokens();

    Set<String> tokens(ParsedMail mail) {
        Set<String> tokens = new HashSet<>(1024);
        headerTokens.add(mail, tokens);
        words(mail.allText(), "", tokens);
        for (String uri : mail.uris) {
            uriTokens(uri, tokens);
        }
        for (String markup : mail.markup) {
            if (markup.startsWith("style:hidden") || markup.startsWith("style:tiny") || markup.startsWith("href:")) {
                tokens.add("html:" + markup);
            }
        }
        structure(mail, tokens);
        return tokens;
    }

    /** Words of a text, lower case, with {@code prefix}; long words become a length class. */
    static void words(CharSequence text, String prefix, Set<String> tokens) {
        int n = text.length();
        int i = 0;
        while (i < n && tokens.size() < MAX_TOKENS) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                word(text.subSequence(start, i).toString(), prefix, tokens);
            }
        }
    }

    private static void word(String raw, String prefix, Set<String> tokens) {
        String w = strip(raw).toLowerCase(Locale.ROOT);
        if (w.length() < MIN_WORD) {
            return;
        }
        if (w.length() <= MAX_WORD) {
            tokens.add(prefix + w);
            return;
        }
        int at = w.indexOf('@');
        if (at > 0 && w.indexOf('@', at + 1) < 0) {
            tokens.add(prefix + "email:name:" + w.substring(0, at));
            tokens.add(prefix + "email:dom:" + w.substring(at + 1));
            return;
        }
        if (w.startsWith("http") || w.startsWith("www.")) {
            return;
        }
        tokens.add(prefix + "skip:" + w.charAt(0) + ":" + (w.length() / 10 * 10));
    }

    private static String strip(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start)) && word.charAt(start) != '$') {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1)) && word.charAt(end - 1) != '!') {
            end--;
        }
        return word.substring(start, end);
    }

    private static void uriTokens(String uri, Set<String> tokens) {
        String lower = uri.toLowerCase(Locale.ROOT);
        int scheme = lower.indexOf("://");
        tokens.add("url:proto:" + (scheme > 0 ? lower.substring(0, scheme) : "www"));
        String host = UriFinder.host(uri);
        if (UriFinder.isIpAddress(host)) {
            tokens.add("url:ip");
        } else {
            String[] labels = host.split("\\.");
            for (int i = Math.max(0, labels.length - 4); i < labels.length - 1; i++) {
                tokens.add("url:host:" + String.join(".", Arrays.copyOfRange(labels, i, labels.length)));
            }
        }
        int hostEnd = lower.indexOf(host) + host.length();
        if (hostEnd < lower.length() && lower.charAt(hostEnd) == ':') {
            tokens.add("url:port");
        }
        if (lower.contains("@") && lower.indexOf('@') < hostEnd) {
            tokens.add("url:userinfo");
        }
        if (lower.contains("%")) {
            tokens.add("url:escaped");
        }
        String path = hostEnd < lower.length() ? lower.substring(hostEnd) : "";
        for (String part : path.split("[/?=&.#_-]+")) {
            if (part.length() >= 2 && part.length() <= 20) {
                tokens.add("url:path:" + part);
            }
        }
    }

    /**
     * The longest run of empty lines in the plain text, in classes (0, 1-2, 3-5, 6-10, 11-20, more):
     * spam pads its text with screens of empty lines before random letters meant to look like ham.
     */
    static int blankRunClass(CharSequence text) {
        int longest = 0;
        int run = 0;
        int lineLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                run = lineLength == 0 ? run + 1 : 0;
                longest = Math.max(longest, run);
                lineLength = 0;
            } else if (!Character.isWhitespace(c)) {
                lineLength++;
            }
        }
        return longest <= 0 ? 0 : longest <= 2 ? 1 : longest <= 5 ? 3 : longest <= 10 ? 6 : longest <= 20 ? 11 : 21;
    }

    private static void structure(ParsedMail mail, Set<String> tokens) {
        for (MimePart part : mail.parts) {
            tokens.add("part:" + part.mimeType());
            tokens.add("cte:" + part.transferEncoding());
            if (!part.charset().isEmpty()) {
                tokens.add("charset:" + part.charset());
            }
            if (part.isAttachment()) {
                tokens.add("att:ext:" + part.extension());
            }
        }
        tokens.add("parts:" + Math.min(mail.parts.size(), 6));
        if (mail.isHtmlOnly()) {
            tokens.add("mime:html-only");
        }
        tokens.add("html:img:" + Math.min(mail.imageTags, 5));
        tokens.add("html:comments:" + Math.min(mail.htmlComments, 5));
        tokens.add("uris:" + Math.min(mail.uris.size() / 2 * 2, 20));
        tokens.add("text:blank-run:" + blankRunClass(mail.plainText));
        if (mail.unknownCharsets > 0) {
            tokens.add("charset:unknown");
        }
    }
}
