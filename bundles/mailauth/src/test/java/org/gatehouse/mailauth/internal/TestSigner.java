package org.gatehouse.mailauth.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Signs test messages the way a sending domain would (RFC 6376 5), with the bundle's own
 * canonicalization: the verifier is checked against the RFC vectors separately, so signing with
 * the same code adds coverage of the plumbing (keys, DNS, l=, several signatures).
 */
final class TestSigner {

    private final PrivateKey key;
    private final String algorithm;
    private final String domain;
    private final String selector;
    private String canonicalization = "relaxed/relaxed";
    private List<String> headers = List.of("from", "to", "subject", "date", "message-id");
    private String extraTags = "";
    private long bodyLength = -1;

    TestSigner(PrivateKey key, String domain, String selector) {
        this.key = key;
        this.algorithm = key.getAlgorithm().equals("RSA") ? "rsa-sha256" : "ed25519-sha256";
        this.domain = domain;
        this.selector = selector;
    }

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ed25519() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The key record to publish at {@code <selector>._domainkey.<domain>}. */
    static String keyRecord(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (key.getAlgorithm().equals("RSA")) {
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(spki);
        }
        return "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    TestSigner canonicalization(String c) {
        this.canonicalization = c;
        return this;
    }

    TestSigner headers(String... names) {
        this.headers = List.of(names);
        return this;
    }

    /** Tags added as written, e.g. {@code x=1; } or {@code i=news@sub.d; }. */
    TestSigner tags(String tags) {
        this.extraTags = tags;
        return this;
    }

    /** Signs only this many canonical body octets (l=); -1 for all of them (no l=). */
    TestSigner bodyLength(long length) {
        this.bodyLength = length;
        return this;
    }

    /** The message (CRLF) with a DKIM-Signature field on top. */
    String sign(String message) throws IOException, GeneralSecurityException {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        InputStream in = new ByteArrayInputStream(bytes);
        HeaderSection header = HeaderSection.read(in);
        Canonicalization bodyCanon = Canonicalization.of(canonicalization.split("/")[1]);
        BodyHash body = new BodyHash(bodyCanon, MessageDigest.getInstance("SHA-256"), bodyLength);
        BodyLines.feed(in, List.of(body));
        String bh = Base64.getEncoder().encodeToString(body.finish());
        String field = "DKIM-Signature: v=1; a=" + algorithm + "; c=" + canonicalization + "; d=" + domain + "; s=" + selector
                + ";\r\n\t" + extraTags + (bodyLength >= 0 ? "l=" + bodyLength + "; " : "")
                + "h=" + String.join(":", headers) + "; bh=" + bh + ";\r\n\tb=";
        DkimSignature unsigned;
        try {
            unsigned = DkimSignature.parse(HeaderField.of(field + "AAAA"));
        } catch (DkimSignature.Invalid e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        byte[] data = DkimVerifier.signedHeaderData(unsigned, header);
        Signature signer;
        if (algorithm.startsWith("ed25519")) {
            signer = Signature.getInstance("Ed25519");
            data = MessageDigest.getInstance("SHA-256").digest(data);
        } else {
            signer = Signature.getInstance("SHA256withRSA");
        }
        signer.initSign(key);
        signer.update(data);
        String b = Base64.getEncoder().encodeToString(signer.sign());
        return field + b + "\r\n" + message;
    }
}
