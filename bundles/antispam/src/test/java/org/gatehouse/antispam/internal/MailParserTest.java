package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MailParserTest {

    @Test
    void skipsTheMboxFromLineAndDecodesEncodedWordsAndQuotedPrintable() {
        ParsedMail mail = Fixtures.parse("ham-plain.eml");
        assertEquals("Alice Martin <alice@example.org>", mail.header("From"));
        assertEquals("Réunion de projet on Thursday", mail.header("subject"));
        assertTrue(mail.plainText.toString().contains("café budget"), mail.plainText.toString());
        assertTrue(mail.uris.contains("https://git.example.org/parser/commit/42"), mail.uris.toString());
        assertEquals("git.example.org", mail.uriHosts().get(0));
    }

    @Test
    void decodesBase64HtmlIntoVisibleTextMarkupAndLinks() {
        ParsedMail mail = Fixtures.parse("spam-html.eml");
        assertTrue(mail.hasHtml());
        assertFalse(mail.hasPlainText());
        assertTrue(mail.htmlText.toString().contains("CLICK HERE to earn $5000"), mail.htmlText.toString());
        assertTrue(mail.markup.contains("style:hidden"));
        assertEquals(1, mail.imageTags);
        assertTrue(mail.uriHosts().contains("198.51.100.7"));
        assertTrue(mail.uriHosts().contains("cdn.offers.example"));
        assertEquals("base64", mail.parts.get(0).transferEncoding());
    }

    @Test
    void walksNestedMultipartsDecodingCharsetsAndNamingAttachments() {
        ParsedMail mail = Fixtures.parse("multipart-attachment.eml");
        assertEquals(3, mail.parts.size());
        assertTrue(mail.plainText.toString().contains("Grüße aus Köln"));
        assertTrue(mail.htmlText.toString().contains("Grüße & more"), mail.htmlText.toString());
        assertFalse(mail.htmlText.toString().contains("scripttoken"), "script is not visible text");
        assertEquals(1, mail.htmlComments);
        assertEquals("minutes.exe", mail.parts.get(2).filename());
        assertTrue(mail.parts.get(2).isAttachment());
        assertEquals("Minutes", mail.header("Subject"), "part headers are not message headers");
    }

    @Test
    void readsCharsetsOfPlainPartsAndSurvivesUnknownOnes() throws IOException {
        ParsedMail koi8 = Fixtures.parseText("Subject: x\nContent-Type: text/plain; charset=koi8-r\n"
                + "Content-Transfer-Encoding: base64\n\n" + java.util.Base64.getEncoder().encodeToString(
                        "Привет мир".getBytes(java.nio.charset.Charset.forName("KOI8-R"))) + "\n");
        assertTrue(koi8.plainText.toString().contains("Привет мир"), koi8.plainText.toString());
        ParsedMail bogus = Fixtures.parseText("Subject: x\nContent-Type: text/plain; charset=x-no-such\n\nhello there\n");
        assertEquals(1, bogus.unknownCharsets);
        assertTrue(bogus.plainText.toString().contains("hello there"));
    }

    @Test
    void boundsWhatItReadsOfAHugePart() throws IOException {
        String big = "Subject: big\n\n" + "word ".repeat(200_000);
        ParsedMail mail = Fixtures.parseText(big);
        assertEquals(MailParser.MAX_PART_BYTES, mail.parts.get(0).size());
    }
}
