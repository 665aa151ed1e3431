package org.gatehouse.mailauth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DKIM verification (RFC 6376, RFC 8463): every DKIM-Signature field of the message gets a
 * verdict. The body is read once, as a stream, feeding the body hash of every signature at
 * the same time; only the header section is held.
 */
final class DkimVerifier {

    /** Shorter RSA keys are refused (RFC 8301: verifiers must not accept keys under 1024 bits). */
    static final int MIN_RSA_BITS = 1024;

    private final Dns dns;
    private final Clock clock;

    DkimVerifier(Dns dns, Clock clock) {
        this.dns = dns;
        this.clock = clock;
    }

    /** Verifies the signatures of a header already read; {@code body} is the rest of the content. */
    List<DkimVerdict> verify(HeaderSection header, InputStream body) throws IOException {
        List<DkimVerdict> verdicts = new ArrayList<>();
        if (header.truncated()) {
            // The body cannot even be found: every signature is reported as not processed.
            for (HeaderField field : header.all("DKIM-Signature")) {
                verdicts.add(new DkimVerdict(DkimResult.NEUTRAL, "header section longer than " + HeaderSection.MAX_OCTETS
                        + " octets", "", "", "", "", ""));
            }
            return verdicts;
        }
        List<DkimSignature> signatures = new ArrayList<>();
        List<BodyHash> hashes = new ArrayList<>();
        for (HeaderField field : header.all("DKIM-Signature")) {
            try {
                DkimSignature signature = DkimSignature.parse(field);
                String refusal = refusal(signature);
                if (refusal != null) {
                    verdicts.add(verdict(signature, refusal.startsWith("!") ? DkimResult.POLICY : DkimResult.NEUTRAL,
                            refusal.replace("!", "")));
                    continue;
                }
                signatures.add(signature);
                hashes.add(new BodyHash(signature.bodyCanonicalization(), MessageDigest.getInstance(signature.digestName()),
                        signature.bodyLength()));
                verdicts.add(null);
            } catch (DkimSignature.Invalid e) {
                verdicts.add(new DkimVerdict(DkimResult.NEUTRAL, e.getMessage(), e.domain(), e.selector(), "", "", ""));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks a DKIM digest", e);
            }
        }
        if (signatures.isEmpty()) {
            return verdicts;
        }
        BodyLines.feed(body, hashes);
        Map<String, Object> keys = new HashMap<>();
        int next = 0;
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i) == null) {
                DkimSignature signature = signatures.get(next);
                verdicts.set(i, check(signature, hashes.get(next), header, keys));
                next++;
            }
        }
        return verdicts;
    }

    /** Why a signature is not even checked: null when it is; "!" marks a policy refusal. */
    private String refusal(DkimSignature signature) {
        switch (signature.algorithm()) {
            case "rsa-sha256":
            case "ed25519-sha256":
                break;
            case "rsa-sha1":
                return "!rsa-sha1 is too weak (RFC 8301)";
            default:
                return "unknown algorithm a=" + signature.algorithm();
        }
        if (signature.expiry() != null && signature.expiry() < clock.instant().getEpochSecond()) {
            return "!signature expired";
        }
        return null;
    }

    private DkimVerdict check(DkimSignature signature, BodyHash hash, HeaderSection header, Map<String, Object> keys) {
        byte[] bodyHash = hash.finish();
        if (signature.bodyLength() >= 0 && hash.limitBeyondBody()) {
            return verdict(signature, DkimResult.FAIL, "l=" + signature.bodyLength() + " exceeds the body ("
                    + hash.canonicalLength() + " octets)");
        }
        if (!MessageDigest.isEqual(bodyHash, signature.bodyHash())) {
            return verdict(signature, DkimResult.FAIL, "body hash did not verify");
        }
        Object found = keys.computeIfAbsent(signature.selector() + "._domainkey." + signature.domain(), this::lookUpKey);
        if (found instanceof DkimVerdict problem) {
            return verdict(signature, problem.result(), problem.reason());
        }
        DkimKey key = (DkimKey) found;
        if (!key.type().equals(signature.keyType())) {
            return verdict(signature, DkimResult.PERMERROR, "key type k=" + key.type() + " does not fit a=" + signature.algorithm());
        }
        if (!key.hashes().contains(signature.algorithm().substring(signature.algorithm().indexOf('-') + 1))) {
            return verdict(signature, DkimResult.PERMERROR, "key does not allow " + signature.algorithm());
        }
        String identityDomain = signature.identity().substring(signature.identity().lastIndexOf('@') + 1);
        if (key.strictIdentity() && !identityDomain.equalsIgnoreCase(signature.domain())) {
            return verdict(signature, DkimResult.PERMERROR, "key requires i= in d= exactly (t=s)");
        }
        if (key.type().equals("rsa") && key.bits() < MIN_RSA_BITS) {
            return verdict(signature, DkimResult.POLICY, "RSA key of " + key.bits() + " bits is too short");
        }
        try {
            byte[] data = signedHeaderData(signature, header);
            Signature verifier;
            if (key.type().equals("ed25519")) {
                // RFC 8463: Ed25519 signs the SHA-256 hash of the header data.
                verifier = Signature.getInstance("Ed25519");
                data = MessageDigest.getInstance("SHA-256").digest(data);
            } else {
                verifier = Signature.getInstance("SHA256withRSA");
            }
            verifier.initVerify(key.key());
            verifier.update(data);
            boolean ok = verifier.verify(signature.signature());
            String note = key.testing() ? " (key in testing mode)" : "";
            return ok ? verdict(signature, DkimResult.PASS, "signature verified" + note)
                    : verdict(signature, DkimResult.FAIL, "signature did not verify" + note);
        } catch (GeneralSecurityException e) {
            return verdict(signature, DkimResult.FAIL, "signature did not verify: " + e.getMessage());
        }
    }

    /** The key record, or a verdict saying why there is none. */
    private Object lookUpKey(String name) {
        DnsAnswer answer = dns.txt(name);
        if (answer.failed()) {
            return problem(DkimResult.TEMPERROR, "key lookup failed: " + answer.error());
        }
        if (answer.values().isEmpty()) {
            return problem(DkimResult.PERMERROR, "no key for signature (" + name + ")");
        }
        String lastProblem = "";
        for (String record : answer.values()) {
            try {
                return DkimKey.parse(record);
            } catch (DkimKey.Unusable e) {
                lastProblem = e.getMessage();
            }
        }
        return problem(DkimResult.PERMERROR, lastProblem);
    }

    private static DkimVerdict problem(DkimResult result, String reason) {
        return new DkimVerdict(result, reason, "", "", "", "", "");
    }

    /** The canonical signed header fields, bottom-most instance first, then the signature itself (RFC 6376 5.4.2). */
    static byte[] signedHeaderData(DkimSignature signature, HeaderSection header) {
        StringBuilder data = new StringBuilder();
        Map<String, Integer> used = new HashMap<>();
        List<HeaderField> fields = header.fields();
        for (String name : signature.signedHeaders()) {
            String key = name.toLowerCase(java.util.Locale.ROOT);
            int skip = used.getOrDefault(key, 0);
            int seen = 0;
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (fields.get(i).is(name) && seen++ == skip) {
                    data.append(signature.headerCanonicalization().header(fields.get(i))).append("\r\n");
                    break;
                }
            }
            used.put(key, skip + 1);
        }
        data.append(signature.withoutSignature());
        return data.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static DkimVerdict verdict(DkimSignature s, DkimResult result, String reason) {
        return new DkimVerdict(result, reason, s.domain(), s.selector(), s.identity(), s.algorithm(), s.shortSignature());
    }

    /** The overall word for annotations and filters: pass if any signature passed, none without any. */
    static DkimResult overall(List<DkimVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return DkimResult.NONE;
        }
        for (DkimResult r : Arrays.asList(DkimResult.PASS, DkimResult.FAIL, DkimResult.TEMPERROR, DkimResult.POLICY,
                DkimResult.PERMERROR, DkimResult.NEUTRAL)) {
            if (verdicts.stream().anyMatch(v -> v.result() == r)) {
                return r;
            }
        }
        return DkimResult.NONE;
    }
}
