package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Ed25519 signing, checking and key encoding for feature keys, with Bouncy Castle's
 * lightweight API (no JCA provider is registered). Shared by the bundle and the vendor tool.
 *
 * <p>Public keys are accepted as base64 of the raw 32 bytes (what {@code etc/} holds), as
 * base64 of a DER SubjectPublicKeyInfo, or as a PEM {@code PUBLIC KEY}. Private keys are PEM
 * {@code PRIVATE KEY} (PKCS#8) files that only the vendor holds.
 */
public final class Ed25519Keys {

    private static final String PUBLIC_PEM = "PUBLIC KEY";
    private static final String PRIVATE_PEM = "PRIVATE KEY";

    private Ed25519Keys() {
    }

    public static Ed25519PrivateKeyParameters generate(SecureRandom random) {
        return new Ed25519PrivateKeyParameters(random);
    }

    public static byte[] sign(Ed25519PrivateKeyParameters key, byte[] body) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(body, 0, body.length);
        return signer.generateSignature();
    }

    public static boolean verify(Ed25519PublicKeyParameters key, byte[] body, byte[] signature) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, key);
        signer.update(body, 0, body.length);
        return signer.verifySignature(signature);
    }

    /** A short, stable name for a public key: hex of the first 8 bytes of its SHA-256. */
    public static String signerId(Ed25519PublicKeyParameters key) {
        byte[] raw = key.getEncoded();
        SHA256Digest digest = new SHA256Digest();
        digest.update(raw, 0, raw.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    /** Base64 of the raw 32-byte public key: one line, fit for a {@code .cfg} file. */
    public static String publicKeyBase64(Ed25519PublicKeyParameters key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String publicKeyPem(Ed25519PublicKeyParameters key) throws IOException {
        return pem(PUBLIC_PEM, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded());
    }

    public static String privateKeyPem(Ed25519PrivateKeyParameters key) throws IOException {
        return pem(PRIVATE_PEM, PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded());
    }

    public static Ed25519PublicKeyParameters readPublicKey(String text) {
        String trimmed = text.trim();
        byte[] der = trimmed.contains("-----BEGIN") ? unpem(trimmed, PUBLIC_PEM) : base64(trimmed);
        if (der.length == Ed25519PublicKeyParameters.KEY_SIZE) {
            return new Ed25519PublicKeyParameters(der, 0);
        }
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
        if (key instanceof Ed25519PublicKeyParameters ed) {
            return ed;
        }
        throw new IllegalArgumentException("not an Ed25519 public key");
    }

    public static Ed25519PrivateKeyParameters readPrivateKey(String pem) {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(unpem(pem.trim(), PRIVATE_PEM));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (PEM PRIVATE KEY expected)", e);
        }
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            return ed;
        }
        throw new IllegalArgumentException("not an Ed25519 private key");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return base64(text.substring(from + begin.length(), to).replaceAll("\\s+", ""));
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64", e);
        }
    }
}
