package org.gatehouse.hat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecipientAccessTableTest {

    private final RecipientAccessTable rat = new RecipientAccessTable(List.of(
            "old@example.com REJECT 550 5.1.1 Gone",
            "example.com ACCEPT",
            ".example.com ACCEPT",
            "postmaster@ ACCEPT bypass-throttling",
            "[192.0.2.1] ACCEPT",
            "sub.example.net REJECT"));

    @Test
    void firstMatchingEntryWins() {
        RatEntry gone = rat.match("Old@Example.COM");
        assertFalse(gone.accept());
        assertEquals("550 5.1.1 Gone", gone.reply());
        assertTrue(rat.match("alice@example.com").accept());
        assertTrue(rat.match("<bob@deep.sub.example.com>").accept());
        assertTrue(rat.match("postmaster@anywhere.test").bypassThrottling());
        assertEquals("example.com", rat.match("postmaster@example.com").recipient(), "earlier entry wins");
        assertTrue(rat.match("x@[192.0.2.1]").accept());
        assertEquals(RatEntry.DEFAULT_REJECT, rat.match("x@sub.example.net").reply());
    }

    @Test
    void everythingElseIsRelayDenied() {
        assertSame(RatEntry.ALL, rat.match("alice@example.org"));
        assertSame(RatEntry.ALL, rat.match("alice@notexample.com"));
        assertSame(RatEntry.ALL, rat.match("x@[192.0.2.2]"));
        assertSame(RatEntry.ALL, rat.match("no-domain"));
        assertEquals("550 5.7.1 Recipient address rejected: relay not permitted", RatEntry.ALL.reply());
        assertSame(RatEntry.ALL, new RecipientAccessTable(List.of()).match("a@example.com"));
    }

    @Test
    void refusesBadEntries() {
        for (String bad : List.of("ALL ACCEPT", "example.com MAYBE", "example.com ACCEPT please", "exa mple",
                "a@b@c ACCEPT", "[300.1.1.1] ACCEPT", "x.com REJECT not-a-reply")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RatEntry.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void writesEntriesBackAsTheAdminWritesThem() {
        assertEquals("postmaster@ ACCEPT bypass-throttling", RatEntry.parse("postmaster@ accept bypass-throttling").text());
        assertEquals("old@example.com REJECT 550 5.1.1 Gone", RatEntry.parse("old@example.com REJECT 550 5.1.1 Gone").text());
    }
}
