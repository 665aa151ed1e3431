package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlScannerTest {

    @Test
    void keepsVisibleTextAndDropsScriptStyleAndComments() {
        ParsedMail mail = new ParsedMail();
        HtmlScanner.scan("<html><head><STYLE>.a{}</STYLE><script>evil()</script></head><body>"
                + "Hel<!-- split -->lo &amp; w&#111;rld&#x21; <br>next</body></html>", mail);
        String text = mail.htmlText.toString();
        assertTrue(text.contains("Hello & world!"), text);
        assertTrue(text.contains("\nnext"), text);
        assertFalse(text.contains("evil"));
        assertFalse(text.contains(".a{}"));
        assertEquals(1, mail.htmlComments);
    }

    @Test
    void turnsMarkupIntoTokensAndCollectsLinks() {
        ParsedMail mail = new ParsedMail();
        HtmlScanner.scan("<font color=RED size='7'>x</font><div style=\"font-size: 0px\">tiny</div>"
                + "<a href=\"http://a.example/x\">a</a><a href='mailto:x@example.org'>m</a><img src=http://img.example/i.gif>"
                + "<a href=\"&#104;ttp://b.example/\">b</a>", mail);
        assertTrue(mail.markup.contains("font:color:red"));
        assertTrue(mail.markup.contains("font:size:7"));
        assertTrue(mail.markup.contains("style:tinyfont"));
        assertTrue(mail.markup.contains("href:mailto"));
        assertEquals(1, mail.imageTags);
        assertEquals(java.util.List.of("http://a.example/x", "http://img.example/i.gif", "http://b.example/"), mail.uris);
    }

    @Test
    void survivesBrokenMarkup() {
        ParsedMail mail = new ParsedMail();
        HtmlScanner.scan("<p>open <b unclosed <a href=\"x", mail);
        assertTrue(mail.htmlText.toString().contains("open"));
    }
}
