package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void prefixesHeaderTokensByTheirHeader() {
        Set<String> tokens = tokenizer.tokens(Fixtures.parse("ham-plain.eml"));
        assertTrue(tokens.contains("subject:réunion"), tokens.toString());
        assertTrue(tokens.contains("from:dom:example.org"));
        assertTrue(tokens.contains("from:name:alice"));
        assertTrue(tokens.contains("message-id:@mail.example.org"));
        assertTrue(tokens.contains("received:192.0.2"));
        assertTrue(tokens.contains("mailer:mutt/#.#.#"));
        assertTrue(tokens.contains("hdr:in-reply-to"));
        assertTrue(tokens.contains("thursday"), "body words, lower case");
        assertTrue(tokens.contains("café"), "decoded body words");
        assertFalse(tokens.contains("subject:thursday") && !tokens.contains("thursday"));
    }

    @Test
    void classesTheLongestRunOfEmptyLines() {
        assertEquals(0, Tokenizer.blankRunClass("one line\nanother\n"));
        assertEquals(1, Tokenizer.blankRunClass("para\n\nnext para\n"));
        assertEquals(6, Tokenizer.blankRunClass("hello\n" + " \n".repeat(8) + "xqzvbnrt\n"), "blank lines with spaces count");
        assertEquals(21, Tokenizer.blankRunClass("hello\n" + "\n".repeat(60) + "x"));
        assertTrue(tokenizer.tokens(Fixtures.parse("ham-plain.eml")).stream().anyMatch(t -> t.startsWith("text:blank-run:")));
    }

    @Test
    void tokenisesUriHostsPathsAndStructure() {
        Set<String> tokens = tokenizer.tokens(Fixtures.parse("spam-html.eml"));
        assertTrue(tokens.contains("url:ip"));
        assertTrue(tokens.contains("url:host:offers.example"));
        assertTrue(tokens.contains("url:host:cdn.offers.example"));
        assertTrue(tokens.contains("url:path:offer"));
        assertTrue(tokens.contains("mime:html-only"));
        assertTrue(tokens.contains("cte:base64"));
        assertTrue(tokens.contains("html:style:hidden"));
        assertTrue(tokens.contains("to:undisclosed"));
        assertTrue(tokens.contains("subject:ALLCAPS"));
        assertTrue(tokens.contains("click"), "words of the decoded HTML");
    }

    @Test
    void namesAttachmentTypesAndSkipsLongWords() throws IOException {
        Set<String> tokens = tokenizer.tokens(Fixtures.parse("multipart-attachment.eml"));
        assertTrue(tokens.contains("att:ext:exe"));
        assertTrue(tokens.contains("part:application/octet-stream"));
        Set<String> long_ = tokenizer.tokens(Fixtures.parseText("Subject: s\n\nsupercalifragilistic x@y.example\n"));
        assertTrue(long_.contains("skip:s:20"), long_.toString());
    }

    @Test
    void ignoresOtherFiltersVerdictHeaders() throws IOException {
        Set<String> tokens = tokenizer.tokens(Fixtures.parseText("X-Spam-Status: Yes, score=20\nSubject: s\n\nbody\n"));
        assertFalse(tokens.stream().anyMatch(t -> t.contains("x-spam")), tokens.toString());
    }
}
