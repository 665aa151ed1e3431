package org.gatehouse.featurekey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.gatehouse.licensing.internal.FeatureKeyException;
import org.gatehouse.licensing.internal.FeatureKeyException.Reason;
import org.gatehouse.licensing.internal.FeatureKeyVerifier;
import org.gatehouse.licensing.internal.SignedFeatureKey;
import org.gatehouse.licensing.internal.TrustedSigners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureKeyToolTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return FeatureKeyTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aKeyMintedWithTheDevelopmentKeyIsAcceptedByTheShippedConfiguration() throws Exception {
        Path privateKey = dir.resolve("dev.pem");
        try (InputStream in = getClass().getResourceAsStream("/dev-featurekey-private.pem")) {
            Files.write(privateKey, in.readAllBytes());
        }
        assertEquals(0, run("mint", "--private-key", privateKey.toString(), "--installation", "GH-1A2B-3C4D-5E6F-7A8B-9C0D",
                "--feature", "antispam=2027-01-01", "--feature", "antivirus=2027-06-01T12:00:00Z", "--key-id", "acme-2027"), err());
        // The licensing bundle's own check, with the trusted key from the etc/ file it ships.
        FeatureKeyVerifier bundle = new FeatureKeyVerifier(TrustedSigners.parse(shippedTrustedKeys()), "GH-1A2B-3C4D-5E6F-7A8B-9C0D");
        SignedFeatureKey key = bundle.verifyNew(out(), NOW);
        assertEquals("acme-2027", key.key().keyId());
        assertEquals(Map.of("antispam", Instant.parse("2027-01-01T00:00:00Z"),
                "antivirus", Instant.parse("2027-06-01T12:00:00Z")), key.key().features());

        FeatureKeyVerifier elsewhere = new FeatureKeyVerifier(TrustedSigners.parse(shippedTrustedKeys()), "GH-OTHER");
        FeatureKeyException e = assertThrows(FeatureKeyException.class, () -> elsewhere.verifyNew(out(), NOW));
        assertEquals(Reason.OTHER_INSTALLATION, e.reason());
    }

    @Test
    void keygenMakesAPairWhoseKeysTheBundleTrusts() throws Exception {
        Path keys = dir.resolve("vendor");
        assertEquals(0, run("keygen", keys.toString()), err());
        String trustedLine = out().trim();
        assertTrue(trustedLine.startsWith("trusted.keys = "), trustedLine);
        assertEquals(1, run("keygen", keys.toString()), "never overwrites a key pair");
        assertTrue(err().contains("is not replaced"), err());

        Path keyFile = dir.resolve("k.key");
        assertEquals(0, run("mint", "--private-key", keys.resolve(KeygenCommand.PRIVATE_FILE).toString(),
                "--installation", "GH-TEST", "--feature", "filters=2027-03-01", "--out", keyFile.toString()), err());
        String text = Files.readString(keyFile);
        String publicKey = trustedLine.substring("trusted.keys = ".length());
        assertEquals("GH-TEST", new FeatureKeyVerifier(TrustedSigners.parse(publicKey), "GH-TEST")
                .verifyNew(text, NOW).key().installation());
        assertEquals("GH-TEST", new FeatureKeyVerifier(
                TrustedSigners.parse(Files.readString(keys.resolve(KeygenCommand.PUBLIC_FILE))), "GH-TEST")
                .verifyNew(text, NOW).key().installation());
        FeatureKeyException e = assertThrows(FeatureKeyException.class,
                () -> new FeatureKeyVerifier(TrustedSigners.parse(shippedTrustedKeys()), "GH-TEST").verifyNew(text, NOW));
        assertEquals(Reason.UNKNOWN_SIGNER, e.reason());

        assertEquals(0, run("show", keyFile.toString()), err());
        assertTrue(out().contains("installation=GH-TEST\n"), out());
        assertTrue(out().contains("feature.filters.expires=2027-03-01T00:00:00Z\n"), out());
    }

    @Test
    void saysWhatIsWrongWithACommandLine() throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("sign"));
        assertTrue(err().contains("Unknown command sign"), err());
        assertEquals(2, run("mint", "--installation", "GH-TEST", "--feature", "antispam=2027-01-01"));
        assertTrue(err().contains("mint needs --private-key"), err());
        Path keys = dir.resolve("vendor");
        assertEquals(0, run("keygen", keys.toString()));
        String pk = keys.resolve(KeygenCommand.PRIVATE_FILE).toString();
        assertEquals(2, run("mint", "--private-key", pk, "--installation", "GH-TEST", "--feature", "antispam=next year"));
        assertTrue(err().contains("expiry must be a date"), err());
        assertEquals(2, run("mint", "--private-key", pk, "--installation", "GH TEST", "--feature", "antispam=2027-01-01"));
        assertTrue(err().contains("invalid installation"), err());
        assertEquals(2, run("mint", "--private-key", pk, "--installation", "GH-TEST", "--feature", "antispam"));
        assertEquals(1, run("mint", "--private-key", keys.resolve(KeygenCommand.PUBLIC_FILE).toString(),
                "--installation", "GH-TEST", "--feature", "antispam=2027-01-01"));
        assertTrue(err().contains("not an Ed25519 private key"), err());
        Path junk = Files.writeString(dir.resolve("junk.key"), "hello");
        assertEquals(1, run("show", junk.toString()));
        assertTrue(err().contains("malformed"), err());
    }

    /** trusted.keys from the licensing bundle's shipped etc/org.gatehouse.licensing.cfg. */
    private static String shippedTrustedKeys() throws IOException {
        Properties cfg = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("../../karaf-features/src/main/resources/etc/org.gatehouse.licensing.cfg"))) {
            cfg.load(r);
        }
        return cfg.getProperty("trusted.keys");
    }
}
