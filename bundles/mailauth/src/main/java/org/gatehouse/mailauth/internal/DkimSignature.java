package org.gatehouse.mailauth.internal;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One DKIM-Signature field, parsed and checked for the rules a verifier must apply before any
 * hashing (RFC 6376 3.5, 6.1.1): version, algorithm, i= within d=, From signed.
 */
record DkimSignature(HeaderField field, String algorithm, byte[] signature, byte[] bodyHash,
                     Canonicalization headerCanonicalization, Canonicalization bodyCanonicalization,
                     String domain, String selector, List<String> signedHeaders, String identity,
                     long bodyLength, Long timestamp, Long expiry) {

    /** A signature that cannot be used, and why. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String domain;
        private final String selector;

        Invalid(String why, String domain, String selector) {
            super(why, null, false, false);
            this.domain = domain;
            this.selector = selector;
        }

        String domain() {
            return domain;
        }

        String selector() {
            return selector;
        }
    }

    static DkimSignature parse(HeaderField field) throws Invalid {
        Map<String, String> tags;
        try {
            tags = TagList.parse(field.rawValue());
        } catch (IllegalArgumentException e) {
            throw new Invalid("signature syntax: " + e.getMessage(), "", "");
        }
        String domain = tags.getOrDefault("d", "").toLowerCase(Locale.ROOT);
        String selector = tags.getOrDefault("s", "");
        for (String required : List.of("v", "a", "b", "bh", "d", "h", "s")) {
            if (!tags.containsKey(required) || tags.get(required).isEmpty()) {
                throw new Invalid("signature lacks the " + required + "= tag", domain, selector);
            }
        }
        if (!tags.get("v").equals("1")) {
            throw new Invalid("unknown signature version v=" + tags.get("v"), domain, selector);
        }
        String algorithm = tags.get("a").toLowerCase(Locale.ROOT);
        String[] canon = tags.getOrDefault("c", "simple/simple").split("/", -1);
        Canonicalization header;
        Canonicalization body;
        try {
            header = Canonicalization.of(canon[0].strip());
            body = canon.length > 1 ? Canonicalization.of(canon[1].strip()) : Canonicalization.SIMPLE;
        } catch (IllegalArgumentException e) {
            throw new Invalid("bad c=" + tags.get("c"), domain, selector);
        }
        List<String> signed = Arrays.stream(tags.get("h").split(":")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (signed.stream().noneMatch(h -> h.equalsIgnoreCase("from"))) {
            throw new Invalid("From is not signed (h=)", domain, selector);
        }
        String identity = tags.getOrDefault("i", "@" + domain);
        String identityDomain = identity.substring(identity.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!identity.contains("@") || !(identityDomain.equals(domain) || identityDomain.endsWith("." + domain))) {
            throw new Invalid("i=" + identity + " is not within d=" + domain, domain, selector);
        }
        if (tags.containsKey("q") && !tags.get("q").toLowerCase(Locale.ROOT).contains("dns/txt")) {
            throw new Invalid("unknown key query method q=" + tags.get("q"), domain, selector);
        }
        try {
            byte[] b = Base64.getDecoder().decode(TagList.noWhitespace(tags.get("b")));
            byte[] bh = Base64.getDecoder().decode(TagList.noWhitespace(tags.get("bh")));
            long length = tags.containsKey("l") ? Long.parseLong(tags.get("l")) : -1;
            Long t = tags.containsKey("t") ? Long.parseLong(tags.get("t")) : null;
            Long x = tags.containsKey("x") ? Long.parseLong(tags.get("x")) : null;
            if (length < -1 || t != null && x != null && x < t) {
                throw new Invalid("bad l=, t= or x=", domain, selector);
            }
            return new DkimSignature(field, algorithm, b, bh, header, body, domain, selector, signed, identity,
                    length, t, x);
        } catch (IllegalArgumentException e) {
            throw new Invalid("bad base64 or number in the signature: " + e.getMessage(), domain, selector);
        }
    }

    /** The hash behind the algorithm: {@code SHA-256} or {@code SHA-1}. */
    String digestName() {
        return algorithm.endsWith("sha1") ? "SHA-1" : "SHA-256";
    }

    /** {@code rsa} or {@code ed25519}. */
    String keyType() {
        return algorithm.substring(0, algorithm.indexOf('-') < 0 ? algorithm.length() : algorithm.indexOf('-'));
    }

    /** The DKIM-Signature field as it is hashed: b= emptied, canonicalized, no final CRLF (RFC 6376 3.7). */
    String withoutSignature() {
        String raw = field.raw();
        int colon = raw.indexOf(':');
        StringBuilder out = new StringBuilder(raw.substring(0, colon + 1));
        String value = raw.substring(colon + 1);
        int start = 0;
        while (start <= value.length()) {
            int end = value.indexOf(';', start);
            if (end < 0) {
                end = value.length();
            }
            String part = value.substring(start, end);
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equals("b")) {
                out.append(part, 0, eq + 1);
            } else {
                out.append(part);
            }
            if (end < value.length()) {
                out.append(';');
            }
            start = end + 1;
        }
        return headerCanonicalization.header(HeaderField.of(out.toString()));
    }

    /** The first 8 characters of b=, which tell signatures apart in Authentication-Results (RFC 6008). */
    String shortSignature() {
        String b = Base64.getEncoder().encodeToString(signature);
        return b.substring(0, Math.min(8, b.length()));
    }
}
