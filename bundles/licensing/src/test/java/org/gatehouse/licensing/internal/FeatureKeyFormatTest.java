package org.gatehouse.licensing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.gatehouse.licensing.internal.FeatureKeyException.Reason;
import org.junit.jupiter.api.Test;

class FeatureKeyFormatTest {

    private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");
    private final String good = TestKeys.mint("k1", "GH-TEST", Map.of("antispam", JAN, "antivirus", JAN.plusSeconds(60)));

    @Test
    void readsWhatItWrites() throws Exception {
        SignedFeatureKey key = FeatureKeyFormat.read(good);
        assertEquals("k1", key.key().keyId());
        assertEquals("GH-TEST", key.key().installation());
        assertEquals(Map.of("antispam", JAN, "antivirus", JAN.plusSeconds(60)), key.key().features());
        assertEquals(good, key.text());
        assertArrayEquals(FeatureKeyFormat.body(key.key()), key.body());
        assertTrue(new String(key.body(), StandardCharsets.UTF_8).startsWith("format=1\nkey.id=k1\n"));
    }

    @Test
    void toleratesACoveringNoteAndReflowedLines() throws Exception {
        String mailed = "Hello,\r\nhere is your key:\r\n\r\n" + good.replace("\n", "\r\n  ") + "\r\nRegards\r\n";
        assertEquals("k1", FeatureKeyFormat.read(mailed).key().keyId());
        String oneLine = good.replace("\n", " ");
        assertEquals("k1", FeatureKeyFormat.read(oneLine).key().keyId());
    }

    @Test
    void refusesTextWithoutAKey() {
        assertMalformed("", "no key text");
        assertMalformed("hello", "no -----BEGIN");
        assertMalformed(FeatureKeyFormat.END + FeatureKeyFormat.BEGIN, "no -----BEGIN");
        assertMalformed("x".repeat(FeatureKeyFormat.MAX_TEXT + 1), "larger than");
        assertMalformed(good + good, "more than one key");
    }

    @Test
    void refusesBrokenArmour() {
        assertMalformed(good.replaceAll("\n=[^\n]*", ""), "no signature line");
        assertMalformed(good.replace("\n=", "\n=AAAA\n="), "more than one signature");
        assertMalformed(good.replace("\n" + FeatureKeyFormat.END, "\nZZZZ\n" + FeatureKeyFormat.END), "after the signature");
        assertMalformed(good.replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!!!!!!!!!"), "not valid base64");
        assertMalformed(armor("format=1\n", new byte[10]), "signature is 10 bytes");
    }

    @Test
    void refusesBodiesThatAreNotExactlyTheFormat() {
        String header = "format=1\nkey.id=k1\nsigner=0123456789abcdef\ninstallation=GH-TEST\nissued=2026-11-01T00:00:00Z\n";
        String feature = "feature.antispam.expires=2027-01-01T00:00:00Z\n";
        assertMalformed(armorBody(header + feature), null, false);
        assertMalformed(armorBody(header), "at least one feature");
        assertMalformed(armorBody(header + feature.trim()), "line break");
        assertMalformed(armorBody("format=2\n" + header.substring(9) + feature), "unsupported format");
        assertMalformed(armorBody(header.replace("key.id=k1\n", "") + feature), "in that order");
        assertMalformed(armorBody(header + "colour=blue\n" + feature), "in that order");
        assertMalformed(armorBody(header + feature + "extra=1\n"), "after the features");
        assertMalformed(armorBody(header + feature + feature), "named twice");
        assertMalformed(armorBody(header + "feature.antispam.expires=soon\n"), "not an ISO-8601");
        assertMalformed(armorBody(header + "feature.Anti_Spam.expires=2027-01-01T00:00:00Z\n"), "in that order");
        assertMalformed(armorBody(header.replace("GH-TEST", "../../etc") + feature), "invalid installation");
        assertMalformed(armorBody(header.replace("key.id=k1", "key.id=../x") + feature), "invalid key id");
        assertMalformed(armorBody(header + "no equals sign\n" + feature), "not name=value");
        // Same facts, different bytes (instant written differently): not canonical.
        assertMalformed(armorBody(header + "feature.antispam.expires=2027-01-01T00:00:00.000Z\n"), "canonical");
        // Not UTF-8.
        assertMalformed(armor(new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, new byte[64]), "not UTF-8");
    }

    private static String armorBody(String body) {
        return armor(body.getBytes(StandardCharsets.UTF_8), new byte[64]);
    }

    private static String armor(String body, byte[] signature) {
        return armor(body.getBytes(StandardCharsets.UTF_8), signature);
    }

    private static String armor(byte[] body, byte[] signature) {
        return FeatureKeyFormat.BEGIN + "\n" + Base64.getEncoder().encodeToString(body) + "\n="
                + Base64.getEncoder().encodeToString(signature) + "\n" + FeatureKeyFormat.END + "\n";
    }

    private static void assertMalformed(String text, String detail) {
        assertMalformed(text, detail, true);
    }

    /** With {@code expectRefusal} false, only checks that the body itself parses. */
    private static void assertMalformed(String text, String detail, boolean expectRefusal) {
        if (!expectRefusal) {
            try {
                FeatureKeyFormat.read(text);
            } catch (FeatureKeyException e) {
                throw new AssertionError("expected a well-formed body, got " + e.getMessage(), e);
            }
            return;
        }
        FeatureKeyException e = assertThrows(FeatureKeyException.class, () -> FeatureKeyFormat.read(text));
        assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed: "), e.getMessage());
        assertTrue(e.getMessage().contains(detail), () -> "'" + e.getMessage() + "' should contain '" + detail + "'");
    }
}
