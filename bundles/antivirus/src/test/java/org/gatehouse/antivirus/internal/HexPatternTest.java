package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HexPatternTest {

    private static String match(String hexsig, String offset, String data) {
        BodySignature s = new BodySignature("S", BodyOffset.parse(offset), HexPatternParser.parse(hexsig));
        byte[] d = data.getBytes(StandardCharsets.ISO_8859_1);
        return new BodyMatcher(List.of(s)).firstMatch(d, d.length);
    }

    private static String hex(String s) {
        return Fixtures.hex(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void plainBytesMatchAnywhere() {
        assertEquals("S", match(hex("virus"), "*", "a virus here"));
        assertNull(match(hex("virus"), "*", "a viru here"));
    }

    @Test
    void byteAndNibbleWildcards() {
        assertEquals("S", match(hex("ab") + "??" + hex("cd"), "*", "xxabZcdxx"));
        assertEquals("S", match(hex("ab") + "4?" + hex("cd"), "*", "abAcd"));
        assertNull(match(hex("ab") + "4?" + hex("cd"), "*", "abacd"));
        assertEquals("S", match(hex("ab") + "?1" + hex("cd"), "*", "abacd"));
    }

    @Test
    void gapsStarAndRanges() {
        String sig = hex("start") + "*" + hex("end");
        assertEquals("S", match(sig, "*", "..start lots of things end.."));
        assertNull(match(sig, "*", "..end start.."));
        String ranged = hex("ab") + "{2-4}" + hex("cd");
        assertNull(match(ranged, "*", "ab1cd"));
        assertEquals("S", match(ranged, "*", "ab12cd"));
        assertEquals("S", match(ranged, "*", "ab1234cd"));
        assertNull(match(ranged, "*", "ab12345cd"));
        assertEquals("S", match(hex("ab") + "{3}" + hex("cd"), "*", "ab123cd"));
        assertEquals("S", match(hex("ab") + "{-2}" + hex("cd"), "*", "abcd"));
        assertEquals("S", match(hex("ab") + "{2-}" + hex("cd"), "*", "ab12345678cd"));
        assertEquals("S", match(hex("ab") + "[1-2]" + hex("cdef"), "*", "ab1cdef"));
    }

    @Test
    void alternativesAndNegation() {
        String sig = hex("x=") + "(" + hex("aa") + "|" + hex("bbb") + ")" + hex(";");
        assertEquals("S", match(sig, "*", "x=aa;"));
        assertEquals("S", match(sig, "*", "x=bbb;"));
        assertNull(match(sig, "*", "x=cc;"));
        String neg = hex("key") + "!(" + hex("1") + "|" + hex("2") + ")" + hex("end");
        assertEquals("S", match(neg, "*", "key3end"));
        assertNull(match(neg, "*", "key1end"));
        // Alternatives before the anchor are matched backwards.
        assertEquals("S", match("(" + hex("q") + "|" + hex("r") + ")" + hex("-anchor"), "*", "zr-anchor"));
    }

    @Test
    void offsets() {
        assertEquals("S", match(hex("MZ"), "0", "MZ..."));
        assertNull(match(hex("MZ"), "0", ".MZ.."));
        assertEquals("S", match(hex("tail"), "EOF-4", "abc tail"));
        assertNull(match(hex("tail"), "EOF-4", "abc tail "));
        assertEquals("S", match(hex("xy"), "3,2", "...xy"));
        assertEquals("S", match(hex("xy"), "3,2", ".....xy"));
        assertNull(match(hex("xy"), "3,2", "......xy"));
        assertEquals("S", match(hex("end"), "EOF-6,3", "..end..."));
        assertNull(BodyOffset.parse("EP+10"));
    }

    @Test
    void patternWithoutPlainBytesStillMatches() {
        assertEquals("S", match("(" + hex("a") + "|" + hex("b") + ")??(" + hex("c") + "|" + hex("d") + ")", "*", "xxaZdxx"));
    }

    @Test
    void badPatternsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HexPatternParser.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> HexPatternParser.parse("ab{2-1}cd"));
        assertThrows(IllegalArgumentException.class, () -> HexPatternParser.parse("ab(B)cd"));
        assertThrows(IllegalArgumentException.class, () -> HexPatternParser.parse("zz"));
    }
}
