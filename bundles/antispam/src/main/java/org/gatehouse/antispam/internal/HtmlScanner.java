package org.gatehouse.antispam.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTML part the way the classifier needs it: the text a reader would see (no script,
 * style or comments, entities decoded), plus the markup as tokens, since spam's HTML differs
 * from a mail client's (font tricks, hidden text, image-only bodies, links everywhere).
 * A forgiving scanner, not a DOM: spam HTML is rarely well formed.
 */
final class HtmlScanner {

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9_:-]*)\\s*(?:=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?");
    private static final int MAX_MARKUP = 2000;

    private HtmlScanner() {
    }

    static void scan(String html, ParsedMail into) {
        StringBuilder text = new StringBuilder(html.length() / 2);
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                int next = html.indexOf('<', i);
                int end = next < 0 ? n : next;
                text.append(html, i, end);
                i = end;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                into.htmlComments++;
                int close = html.indexOf("-->", i + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            int close = html.indexOf('>', i + 1);
            if (close < 0) {
                break;
            }
            String tag = html.substring(i + 1, close);
            i = close + 1;
            String name = tagName(tag);
            if (name.isEmpty()) {
                continue;
            }
            if (!name.startsWith("/")) {
                attributes(name, tag, into);
            }
            if (name.equals("script") || name.equals("style")) {
                int end = indexOfIgnoreCase(html, "</" + name, i);
                i = end < 0 ? n : end;
            }
            if (isBlock(name)) {
                text.append('\n');
            } else {
                text.append(' ');
            }
        }
        into.htmlText.append(decodeEntities(text)).append('\n');
    }

    private static String tagName(String tag) {
        int start = !tag.isEmpty() && (tag.charAt(0) == '/' || tag.charAt(0) == '!') ? 1 : 0;
        int end = start;
        while (end < tag.length() && Character.isLetterOrDigit(tag.charAt(end))) {
            end++;
        }
        return end == start || end > 20 ? "" : tag.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static void attributes(String name, String tag, ParsedMail into) {
        addMarkup(into, "tag:" + name);
        if (name.equals("img")) {
            into.imageTags++;
        }
        Matcher m = ATTRIBUTE.matcher(tag);
        m.region(name.length(), tag.length());
        while (m.find()) {
            String attribute = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2) == null ? "" : unquote(m.group(2));
            switch (attribute) {
                case "href", "src", "action", "background" -> link(value, into);
                case "color", "bgcolor", "size", "face", "align", "border", "width", "height" ->
                        addMarkup(into, name + ":" + attribute + ":" + value.toLowerCase(Locale.ROOT));
                case "style" -> style(value, into);
                default -> addMarkup(into, name + ":" + attribute);
            }
        }
    }

    private static void link(String value, ParsedMail into) {
        String decoded = decodeEntities(value).trim();
        if (decoded.regionMatches(true, 0, "mailto:", 0, 7)) {
            addMarkup(into, "href:mailto");
        } else if (decoded.contains("://") || decoded.regionMatches(true, 0, "www.", 0, 4)) {
            if (into.uris.size() < 200) {
                into.uris.add(decoded);
            }
        } else if (decoded.regionMatches(true, 0, "cid:", 0, 4)) {
            addMarkup(into, "href:cid");
        }
    }

    private static void style(String value, ParsedMail into) {
        String style = value.toLowerCase(Locale.ROOT).replace(" ", "");
        if (style.contains("display:none") || style.contains("visibility:hidden")) {
            addMarkup(into, "style:hidden");
        }
        if (style.contains("font-size:0") || style.contains("font-size:1px")) {
            addMarkup(into, "style:tinyfont");
        }
        addMarkup(into, "style:" + (style.length() > 30 ? style.substring(0, 30) : style));
    }

    private static void addMarkup(ParsedMail into, String token) {
        if (into.markup.size() < MAX_MARKUP) {
            into.markup.add(token);
        }
    }

    private static boolean isBlock(String name) {
        return switch (name) {
            case "p", "/p", "br", "div", "/div", "tr", "/tr", "li", "table", "/table", "h1", "h2", "h3", "hr" -> true;
            default -> false;
        };
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    static String decodeEntities(CharSequence text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.charAt(0) == '#') {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : " ";
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "nbsp" -> " ";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "copy" -> "\u00a9";
            case "reg" -> "\u00ae";
            case "euro" -> "\u20ac";
            case "auml" -> "\u00e4";
            case "ouml" -> "\u00f6";
            case "uuml" -> "\u00fc";
            case "szlig" -> "\u00df";
            case "eacute" -> "\u00e9";
            case "egrave" -> "\u00e8";
            case "agrave" -> "\u00e0";
            case "ccedil" -> "\u00e7";
            default -> whole;
        };
    }

    private static int indexOfIgnoreCase(String text, String what, int from) {
        int limit = text.length() - what.length();
        for (int i = from; i <= limit; i++) {
            if (text.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }
}
