package org.gatehouse.mailauth.internal;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DKIM key record ({@code <selector>._domainkey.<d>} TXT, RFC 6376 3.6.1): key type, key,
 * acceptable hashes, flags. An empty p= is a revoked key.
 */
record DkimKey(String type, PublicKey key, List<String> hashes, boolean testing, boolean strictIdentity) {

    /** SubjectPublicKeyInfo prefix of a raw Ed25519 key (RFC 8410). */
    private static final byte[] ED25519_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** AlgorithmIdentifier of rsaEncryption with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
        0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    /** A key record that cannot be used, and whether it was revoked. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String why) {
            super(why, null, false, false);
        }
    }

    static DkimKey parse(String record) throws Unusable {
        Map<String, String> tags;
        try {
            tags = TagList.parse(record);
        } catch (IllegalArgumentException e) {
            throw new Unusable("key record syntax: " + e.getMessage());
        }
        if (tags.containsKey("v") && !tags.get("v").equals("DKIM1")) {
            throw new Unusable("key record version v=" + tags.get("v"));
        }
        String type = tags.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT);
        if (!tags.containsKey("p")) {
            throw new Unusable("key record lacks p=");
        }
        String p = TagList.noWhitespace(tags.get("p"));
        if (p.isEmpty()) {
            throw new Unusable("key revoked");
        }
        String services = tags.getOrDefault("s", "*");
        if (Arrays.stream(services.split(":")).map(String::strip).noneMatch(s -> s.equals("*") || s.equalsIgnoreCase("email"))) {
            throw new Unusable("key not for email (s=" + services + ")");
        }
        List<String> hashes = tags.containsKey("h")
                ? Arrays.stream(tags.get("h").split(":")).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList()
                : List.of("sha1", "sha256");
        List<String> flags = Arrays.stream(tags.getOrDefault("t", "").split(":")).map(String::strip).toList();
        byte[] data;
        try {
            data = Base64.getDecoder().decode(p);
        } catch (IllegalArgumentException e) {
            throw new Unusable("key p= is not base64");
        }
        return new DkimKey(type, publicKey(type, data), hashes, flags.contains("y"), flags.contains("s"));
    }

    private static PublicKey publicKey(String type, byte[] data) throws Unusable {
        try {
            switch (type) {
                case "rsa":
                    try {
                        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(data));
                    } catch (GeneralSecurityException notSpki) {
                        // Some publish the bare PKCS#1 RSAPublicKey: wrap it in a SubjectPublicKeyInfo.
                        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(wrapPkcs1(data)));
                    }
                case "ed25519":
                    if (data.length != 32) {
                        throw new Unusable("ed25519 key is not 32 octets");
                    }
                    byte[] spki = Arrays.copyOf(ED25519_PREFIX, ED25519_PREFIX.length + 32);
                    System.arraycopy(data, 0, spki, ED25519_PREFIX.length, 32);
                    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
                default:
                    throw new Unusable("unknown key type k=" + type);
            }
        } catch (GeneralSecurityException e) {
            throw new Unusable("key p= is not a valid " + type + " key");
        }
    }

    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream bitString = new ByteArrayOutputStream();
        bitString.write(0);
        bitString.writeBytes(pkcs1);
        byte[] bits = der(0x03, bitString.toByteArray());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(bits);
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** RSA modulus length in bits, 256 for Ed25519. */
    int bits() {
        return key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 256;
    }
}
