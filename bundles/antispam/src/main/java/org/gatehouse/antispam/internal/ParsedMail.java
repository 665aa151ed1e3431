package org.gatehouse.antispam.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A message taken apart for scoring: its top-level headers, the decoded text of its text parts,
 * the visible text and markup of its HTML parts, the URIs it links to and its MIME structure.
 * Filled once by {@link MailParser}; tokeniser and rules only read it.
 */
final class ParsedMail {

    final List<HeaderField> headers = new ArrayList<>();
    final StringBuilder plainText = new StringBuilder();
    final StringBuilder htmlText = new StringBuilder();
    /** Markup facts as tokens: tag names, notable attributes ({@code img}, {@code font:color}). */
    final List<String> markup = new ArrayList<>();
    final List<String> uris = new ArrayList<>();
    final List<MimePart> parts = new ArrayList<>();
    int imageTags;
    int htmlComments;
    /** Bytes of undecodable or mislabeled text: charset not known to Java. */
    int unknownCharsets;
    /** Computed once: every rule reads them, and copying the text per rule dominated scan time. */
    private String allText;
    private List<String> uriHosts;
    private int salesPhrases = -1;

    /** The first value of a header, or empty when it is missing. */
    String header(String name) {
        for (HeaderField field : headers) {
            if (field.is(name)) {
                return field.value();
            }
        }
        return "";
    }

    boolean hasHeader(String name) {
        for (HeaderField field : headers) {
            if (field.is(name)) {
                return true;
            }
        }
        return false;
    }

    boolean hasHtml() {
        return parts.stream().anyMatch(p -> p.mimeType().equals("text/html"));
    }

    boolean hasPlainText() {
        return parts.stream().anyMatch(p -> p.mimeType().equals("text/plain") && !p.isAttachment());
    }

    /** HTML without a plain text alternative (a token and a rule both ask). */
    boolean isHtmlOnly() {
        return hasHtml() && !hasPlainText();
    }

    /** Every text a reader sees: plain parts and the visible text of HTML parts. */
    String allText() {
        if (allText == null) {
            allText = plainText.length() == 0 ? htmlText.toString() : plainText + "\n" + htmlText;
        }
        return allText;
    }

    /** How many advertising phrases the text uses (capped); two rules read it, the text is searched once. */
    int salesPhrases() {
        if (salesPhrases < 0) {
            salesPhrases = Phrases.countSales(allText());
        }
        return salesPhrases;
    }

    List<String> uriHosts() {
        if (uriHosts != null) {
            return uriHosts;
        }
        List<String> hosts = new ArrayList<>();
        for (String uri : uris) {
            String host = UriFinder.host(uri);
            if (!host.isEmpty()) {
                hosts.add(host.toLowerCase(Locale.ROOT));
            }
        }
        uriHosts = List.copyOf(hosts);
        return uriHosts;
    }
}
