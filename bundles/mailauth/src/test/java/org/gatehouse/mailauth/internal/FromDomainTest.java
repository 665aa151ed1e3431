package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FromDomainTest {

    private static String of(String... values) {
        return FromDomain.of(java.util.Arrays.stream(values).map(v -> HeaderField.of("From: " + v)).toList());
    }

    @Test
    void theDomainOfTheAuthor() {
        assertEquals("example.com", of("alice@example.com"));
        assertEquals("example.com", of("\"Alice at bank@evil.test\" <alice@Example.COM>"));
        assertEquals("example.com", of("Alice <alice@example.com> (from bank@evil.test)"));
        assertEquals("example.com", of("a@example.com, b@example.com"));
    }

    @Test
    void noSingleDomainIsAnError() {
        assertEquals("!no From header", FromDomain.of(List.of()));
        assertEquals("!2 From headers", of("a@example.com", "b@example.com"));
        assertEquals("!From has addresses of several domains", of("a@example.com, b@example.net"));
        assertEquals("!no domain in From", of("undisclosed"));
    }
}
