package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shipped Public Suffix List and organizational domains (RFC 7489 3.2). */
class PublicSuffixListTest {

    private static final PublicSuffixList LIST = PublicSuffixList.shipped();

    @Test
    void shippedListIsRecent() {
        assertTrue(LIST.size() > 5000, "rules: " + LIST.size());
        assertTrue(LIST.version().startsWith("20"), LIST.version());
    }

    @Test
    void organizationalDomains() {
        assertEquals("example.com", LIST.organizationalDomain("mail.news.example.com"));
        assertEquals("example.com", LIST.organizationalDomain("example.com"));
        assertEquals("example.co.uk", LIST.organizationalDomain("a.b.example.co.uk"));
        assertEquals("co.uk", LIST.organizationalDomain("co.uk"), "a public suffix is its own");
        // Wildcard and exception rules: *.kawasaki.jp, !city.kawasaki.jp.
        assertEquals("shop.foo.kawasaki.jp", LIST.organizationalDomain("www.shop.foo.kawasaki.jp"));
        assertEquals("city.kawasaki.jp", LIST.organizationalDomain("www.city.kawasaki.jp"));
        // Not on the list: the last label is the suffix (the "*" default rule).
        assertEquals("partner.test", LIST.organizationalDomain("mx1.partner.test"));
        assertEquals("example.com", LIST.organizationalDomain("Mail.Example.COM."));
    }
}
