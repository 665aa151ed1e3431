package org.gatehouse.licensing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.gatehouse.licensing.internal.FeatureKeyException.Reason;
import org.junit.jupiter.api.Test;

class FeatureKeyVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");
    private final FeatureKeyVerifier verifier = new FeatureKeyVerifier(TestKeys.devSigners(), "GH-TEST");

    @Test
    void acceptsAGoodKey() throws Exception {
        SignedFeatureKey key = verifier.verifyNew(TestKeys.mint("k1", "GH-TEST", Map.of("antispam", JAN)), NOW);
        assertEquals(Map.of("antispam", JAN), key.key().features());
    }

    @Test
    void refusesAnAlteredBody() {
        String good = TestKeys.mint("k1", "GH-TEST", Map.of("antispam", JAN));
        SignedFeatureKey parsed = assertDoesParse(good);
        // Push the expiry out by a year and keep the old signature.
        byte[] altered = new String(parsed.body(), StandardCharsets.UTF_8).replace("2027-01-01", "2028-01-01")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(FeatureKeyFormat.armor(altered, parsed.signature()), Reason.FORGED, "does not match");
    }

    @Test
    void refusesAFlippedSignatureBit() {
        SignedFeatureKey parsed = assertDoesParse(TestKeys.mint("k1", "GH-TEST", Map.of("antispam", JAN)));
        byte[] signature = parsed.signature().clone();
        signature[5] ^= 1;
        assertRefused(FeatureKeyFormat.armor(parsed.body(), signature), Reason.FORGED, "does not match");
    }

    @Test
    void refusesAKeyThatClaimsTheTrustedSignerButWasSignedByAnother() {
        var other = TestKeys.otherKey();
        FeatureKey claim = new FeatureKey("k1", Ed25519Keys.signerId(TestKeys.DEV.generatePublicKey()), "GH-TEST",
                TestKeys.ISSUED, Map.of("antispam", JAN));
        byte[] body = FeatureKeyFormat.body(claim);
        assertRefused(FeatureKeyFormat.armor(body, Ed25519Keys.sign(other, body)), Reason.FORGED, "not issued by the vendor");
    }

    @Test
    void refusesAnUnknownSigner() {
        String text = TestKeys.mint(TestKeys.otherKey(), "k1", "GH-TEST", Map.of("antispam", JAN));
        assertRefused(text, Reason.UNKNOWN_SIGNER, "not in trusted.keys");
        FeatureKeyVerifier trustsNobody = new FeatureKeyVerifier(new TrustedSigners(List.of()), "GH-TEST");
        FeatureKeyException e = assertThrows(FeatureKeyException.class, () -> trustsNobody.verifyNew(text, NOW));
        assertTrue(e.getMessage().contains("no trusted keys are configured"), e.getMessage());
    }

    @Test
    void refusesAKeyForAnotherInstallation() {
        assertRefused(TestKeys.mint("k1", "GH-OTHER", Map.of("antispam", JAN)), Reason.OTHER_INSTALLATION,
                "bound to installation GH-OTHER, this is GH-TEST");
    }

    @Test
    void refusesAKeyWhoseFeaturesHaveAllExpired() throws Exception {
        String text = TestKeys.mint("k1", "GH-TEST", Map.of("antispam", NOW, "antivirus", NOW.minusSeconds(1)));
        assertRefused(text, Reason.EXPIRED, "every feature of key k1 has expired");
        // Already installed: kept (to be listed as expired), not refused.
        assertEquals("k1", verifier.verifyStored(text).key().keyId());
    }

    @Test
    void acceptsAKeyWithSomeFeaturesStillValid() throws Exception {
        String text = TestKeys.mint("k1", "GH-TEST", Map.of("antispam", NOW.minusSeconds(1), "antivirus", JAN));
        assertEquals(2, verifier.verifyNew(text, NOW).key().features().size());
    }

    @Test
    void readsTrustedKeysInEveryAcceptedForm() throws Exception {
        Ed25519PublicKeyParameters dev = TestKeys.DEV.generatePublicKey();
        String raw = Ed25519Keys.publicKeyBase64(dev);
        String pem = TestKeys.resource("dev-featurekey-public.pem");
        String spki = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String id = Ed25519Keys.signerId(dev);
        assertEquals(List.of(id), List.copyOf(TrustedSigners.parse(raw).signerIds()));
        assertEquals(List.of(id), List.copyOf(TrustedSigners.parse(pem).signerIds()));
        assertEquals(List.of(id), List.copyOf(TrustedSigners.parse(spki).signerIds()));
        String another = Ed25519Keys.publicKeyBase64(TestKeys.otherKey().generatePublicKey());
        assertEquals(2, TrustedSigners.parse(raw + ", " + another).signerIds().size());
        assertEquals(0, TrustedSigners.parse(" ", null).signerIds().size());
        assertEquals("1b757baed6e10035", id, "the development key shipped in etc/");
    }

    @Test
    void refusesAGarbledTrustedKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedSigners.parse("not-a-key"));
        assertTrue(e.getMessage().startsWith("trusted.keys"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedSigners.parse("AAAA"));
    }

    @Test
    void signaturesCheckTheExactBytes() {
        byte[] body = "format=1\n".getBytes(StandardCharsets.UTF_8);
        byte[] sig = Ed25519Keys.sign(TestKeys.DEV, body);
        assertTrue(Ed25519Keys.verify(TestKeys.DEV.generatePublicKey(), body, sig));
        assertTrue(!Ed25519Keys.verify(TestKeys.DEV.generatePublicKey(), "format=1\r\n".getBytes(StandardCharsets.UTF_8), sig));
        assertTrue(!Ed25519Keys.verify(TestKeys.otherKey().generatePublicKey(), body, sig));
    }

    private void assertRefused(String text, Reason reason, String detail) {
        FeatureKeyException e = assertThrows(FeatureKeyException.class, () -> verifier.verifyNew(text, NOW));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith(reason.label() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(detail), () -> "'" + e.getMessage() + "' should contain '" + detail + "'");
    }

    private static SignedFeatureKey assertDoesParse(String text) {
        try {
            return FeatureKeyFormat.read(text);
        } catch (FeatureKeyException e) {
            throw new AssertionError(e);
        }
    }
}
