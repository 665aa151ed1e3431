package org.gatehouse.licensing.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.licensing.internal.FeatureKeyException.Reason;

/**
 * The one definition of the feature key text format, shared by the bundle (reading) and the
 * vendor's featurekey tool (writing).
 *
 * <pre>
 * -----BEGIN GATEHOUSE FEATURE KEY-----
 * base64 of the body, wrapped at 64 columns
 * =base64 of the Ed25519 signature over the exact body bytes
 * -----END GATEHOUSE FEATURE KEY-----
 * </pre>
 *
 * The body is UTF-8 {@code name=value} lines, LF-terminated, in this order:
 * {@code format=1}, {@code key.id}, {@code signer}, {@code installation}, {@code issued},
 * then one {@code feature.<name>.expires=<ISO-8601 instant>} per feature. Text around the
 * armour is ignored and line breaks inside it may be reflowed (keys travel by mail), but the
 * body itself is parsed strictly: unknown, missing or repeated names are refused.
 */
public final class FeatureKeyFormat {

    public static final String BEGIN = "-----BEGIN GATEHOUSE FEATURE KEY-----";
    public static final String END = "-----END GATEHOUSE FEATURE KEY-----";
    /** Keys are a few hundred bytes; anything much larger is not a key. */
    public static final int MAX_TEXT = 16 * 1024;

    private static final String FORMAT = "1";
    private static final Pattern FEATURE_LINE = Pattern.compile("feature\\.([a-z][a-z0-9-]{0,31})\\.expires");
    private static final int SIGNATURE_LENGTH = 64;
    private static final List<String> HEADER = List.of("format", "key.id", "signer", "installation", "issued");

    private FeatureKeyFormat() {
    }

    /** The canonical body bytes that the vendor signs. */
    public static byte[] body(FeatureKey key) {
        StringBuilder b = new StringBuilder(256);
        line(b, "format", FORMAT);
        line(b, "key.id", key.keyId());
        line(b, "signer", key.signer());
        line(b, "installation", key.installation());
        line(b, "issued", key.issued().toString());
        key.features().forEach((name, expires) -> line(b, "feature." + name + ".expires", expires.toString()));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(name).append('=').append(value).append('\n');
    }

    /** The key as text to hand to the customer. */
    public static String armor(byte[] body, byte[] signature) {
        StringBuilder b = new StringBuilder(BEGIN).append('\n');
        String encoded = Base64.getEncoder().encodeToString(body);
        for (int i = 0; i < encoded.length(); i += 64) {
            b.append(encoded, i, Math.min(encoded.length(), i + 64)).append('\n');
        }
        b.append('=').append(Base64.getEncoder().encodeToString(signature)).append('\n');
        return b.append(END).append('\n').toString();
    }

    /** Reads a key from text (which may carry a covering note around the armour). */
    public static SignedFeatureKey read(String text) throws FeatureKeyException {
        if (text == null || text.isBlank()) {
            throw malformed("no key text given");
        }
        if (text.length() > MAX_TEXT) {
            throw malformed("text is larger than " + MAX_TEXT + " characters");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw malformed("no " + BEGIN + " ... " + END + " block found");
        }
        if (text.indexOf(BEGIN, begin + 1) >= 0) {
            throw malformed("more than one key in the text; install them one by one");
        }
        StringBuilder body64 = new StringBuilder();
        String signature64 = null;
        for (String token : text.substring(begin + BEGIN.length(), end).trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("=")) {
                if (signature64 != null) {
                    throw malformed("more than one signature line");
                }
                signature64 = token.substring(1);
            } else if (signature64 != null) {
                throw malformed("text after the signature line");
            } else {
                body64.append(token);
            }
        }
        if (signature64 == null) {
            throw malformed("no signature line (a line starting with '=')");
        }
        byte[] body = decode(body64.toString(), "body");
        byte[] signature = decode(signature64, "signature");
        if (signature.length != SIGNATURE_LENGTH) {
            throw malformed("signature is " + signature.length + " bytes, expected " + SIGNATURE_LENGTH);
        }
        FeatureKey key = parseBody(body);
        String canonical = armor(body, signature);
        return new SignedFeatureKey(key, body, signature, canonical);
    }

    private static byte[] decode(String base64, String what) throws FeatureKeyException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed(what + " is not valid base64", e);
        }
    }

    /** Parses signed body bytes strictly: the exact layout {@link #body} writes, nothing else. */
    public static FeatureKey parseBody(byte[] body) throws FeatureKeyException {
        String text = utf8(body);
        if (!text.endsWith("\n")) {
            throw malformed("body does not end with a line break");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Instant> features = new LinkedHashMap<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw malformed("body line is not name=value: " + printable(line));
            }
            String name = line.substring(0, eq);
            String value = line.substring(eq + 1);
            Matcher feature = FEATURE_LINE.matcher(name);
            if (feature.matches()) {
                if (features.put(feature.group(1), instant(name, value)) != null) {
                    throw malformed("feature " + feature.group(1) + " named twice");
                }
            } else if (!features.isEmpty()) {
                throw malformed("unexpected " + printable(name) + " after the features");
            } else if (fields.put(name, value) != null) {
                throw malformed(printable(name) + " given twice");
            }
        }
        if (!List.copyOf(fields.keySet()).equals(HEADER)) {
            throw malformed("body must hold format, key.id, signer, installation, issued in that order; found "
                    + printable(String.join(", ", fields.keySet())));
        }
        if (!FORMAT.equals(fields.get("format"))) {
            throw malformed("unsupported format " + printable(fields.get("format")));
        }
        try {
            FeatureKey key = new FeatureKey(fields.get("key.id"), fields.get("signer"),
                    fields.get("installation"), instant("issued", fields.get("issued")), features);
            if (!Arrays.equals(body(key), body)) {
                throw malformed("body is not in canonical form");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    private static String utf8(byte[] body) throws FeatureKeyException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("body is not UTF-8 text", e);
        }
    }

    private static Instant instant(String name, String value) throws FeatureKeyException {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed(name + " is not an ISO-8601 instant: " + printable(value), e);
        }
    }

    /** Keeps hostile input from spilling control characters or pages of text into messages. */
    private static String printable(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
    }

    private static FeatureKeyException malformed(String detail) {
        return new FeatureKeyException(Reason.MALFORMED, detail);
    }

    private static FeatureKeyException malformed(String detail, Throwable cause) {
        return new FeatureKeyException(Reason.MALFORMED, detail, cause);
    }
}
