package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Mints keys in tests with the development key from test resources (or another key). */
final class TestKeys {

    static final Ed25519PrivateKeyParameters DEV = readDevKey();
    static final Instant ISSUED = Instant.parse("2026-11-01T00:00:00Z");

    private TestKeys() {
    }

    static TrustedSigners devSigners() {
        return new TrustedSigners(List.of(DEV.generatePublicKey()));
    }

    static Ed25519PrivateKeyParameters otherKey() {
        return Ed25519Keys.generate(new SecureRandom());
    }

    static String mint(String keyId, String installation, Map<String, Instant> features) {
        return mint(DEV, keyId, installation, features);
    }

    static String mint(Ed25519PrivateKeyParameters signer, String keyId, String installation, Map<String, Instant> features) {
        FeatureKey key = new FeatureKey(keyId, Ed25519Keys.signerId(signer.generatePublicKey()), installation, ISSUED, features);
        byte[] body = FeatureKeyFormat.body(key);
        return FeatureKeyFormat.armor(body, Ed25519Keys.sign(signer, body));
    }

    static String resource(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Ed25519PrivateKeyParameters readDevKey() {
        return Ed25519Keys.readPrivateKey(resource("dev-featurekey-private.pem"));
    }
}
