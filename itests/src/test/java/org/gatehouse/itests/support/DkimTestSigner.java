package org.gatehouse.itests.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Signs a small test message as the sending domain's server would: DKIM ed25519-sha256
 * (RFC 8463), relaxed/relaxed, with the fixed key {@link TestDns} publishes. Written for the test
 * messages of this suite (one line per header field), independently of the product's verifier.
 */
public final class DkimTestSigner {

    private static final List<String> SIGNED = List.of("from", "to", "subject", "date", "message-id");

    private DkimTestSigner() {
    }

    /** The message (CRLF line ends) with a DKIM-Signature field on top. */
    public static String sign(String message, String domain, String selector, String seedHex) throws GeneralSecurityException {
        int split = message.indexOf("\r\n\r\n");
        List<String> fields = List.of(message.substring(0, split).split("\r\n"));
        String body = message.substring(split + 4);
        String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1)));
        String field = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; h=" + String.join(":", SIGNED) + "; bh=" + bh + "; b=";
        StringBuilder data = new StringBuilder();
        for (String name : SIGNED) {
            for (String f : fields) {
                if (f.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
                    data.append(relaxedHeader(f)).append("\r\n");
                    break;
                }
            }
        }
        data.append(relaxedHeader(field));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey(seedHex));
        signer.update(MessageDigest.getInstance("SHA-256").digest(data.toString().getBytes(StandardCharsets.ISO_8859_1)));
        return field + Base64.getEncoder().encodeToString(signer.sign()) + "\r\n" + message;
    }

    private static PrivateKey privateKey(String seedHex) throws GeneralSecurityException {
        byte[] seed = new BigInteger("01" + seedHex, 16).toByteArray();
        byte[] raw = java.util.Arrays.copyOfRange(seed, seed.length - 32, seed.length);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, raw));
    }

    private static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        return field.substring(0, colon).strip().toLowerCase(Locale.ROOT) + ":"
                + field.substring(colon + 1).replaceAll("[ \t]+", " ").strip();
    }

    private static String relaxedBody(String body) {
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\r\n", -1)) {
            lines.add(line.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append("\r\n"));
        return out.toString();
    }
}
