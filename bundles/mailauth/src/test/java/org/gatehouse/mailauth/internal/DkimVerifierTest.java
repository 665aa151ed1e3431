package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DKIM against keys published in a real dnsmasq: messages signed in the test with RSA 2048 and
 * Ed25519 keys made here, tampering, canonicalization, l=, several signatures, key problems,
 * and the RFC 8463 Appendix A example with its published keys.
 */
class DkimVerifierTest {

    static final String MESSAGE = "From: Alice <alice@signer.test>\r\n"
            + "To: Bob <bob@example.com>\r\n"
            + "Subject: Quarterly figures\r\n"
            + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <q1@signer.test>\r\n"
            + "\r\n"
            + "Hello Bob,\r\n"
            + "\r\n"
            + "the figures are  attached.\r\n"
            + "\r\n"
            + "\r\n";

    /** RFC 8463 Appendix A.3, byte for byte. */
    static final String RFC8463 = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n"
            + " d=football.example.com; i=@football.example.com;\r\n"
            + " q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r\n"
            + " subject : date : message-id : from : subject : date;\r\n"
            + " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
            + " b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n"
            + " Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==\r\n"
            + "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n"
            + " d=football.example.com; i=@football.example.com;\r\n"
            + " q=dns/txt; s=test; t=1528637909; h=from : to : subject :\r\n"
            + " date : message-id : from : subject : date;\r\n"
            + " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
            + " b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3\r\n"
            + " DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz\r\n"
            + " dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=\r\n"
            + "From: Joe SixPack <joe@football.example.com>\r\n"
            + "To: Suzie Q <suzie@shopping.example.net>\r\n"
            + "Subject: Is dinner ready?\r\n"
            + "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
            + "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n"
            + "\r\n"
            + "Hi.\r\n"
            + "\r\n"
            + "We lost the game.  Are you hungry yet?\r\n"
            + "\r\n"
            + "Joe.\r\n"
            + "\r\n";
    static final String RFC8463_ED25519_KEY = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    static final String RFC8463_RSA_KEY = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR"
            + "iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC"
            + "DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3"
            + "Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

    static KeyPair rsa;
    static KeyPair ed;
    private static Dnsmasq dnsmasq;
    private static DkimVerifier verifier;

    @BeforeAll
    static void publishKeys() throws Exception {
        rsa = TestSigner.rsa();
        ed = TestSigner.ed25519();
        dnsmasq = new Dnsmasq(List.of(
                Dnsmasq.txt("rsa._domainkey.signer.test", TestSigner.keyRecord(rsa.getPublic())),
                Dnsmasq.txt("ed._domainkey.signer.test", TestSigner.keyRecord(ed.getPublic())),
                Dnsmasq.txt("revoked._domainkey.signer.test", "v=DKIM1; k=rsa; p="),
                Dnsmasq.txt("strict._domainkey.signer.test", TestSigner.keyRecord(rsa.getPublic()) + "; t=s"),
                Dnsmasq.txt("brisbane._domainkey.football.example.com", RFC8463_ED25519_KEY),
                Dnsmasq.txt("test._domainkey.football.example.com", RFC8463_RSA_KEY)));
        verifier = verifier(Instant.parse("2026-11-23T12:00:00Z"));
    }

    private static DkimVerifier verifier(Instant now) {
        return new DkimVerifier(new DnsjavaDns(dnsmasq.server(), Duration.ofSeconds(2)), Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dnsmasq.close();
    }

    static List<DkimVerdict> verify(DkimVerifier v, String message) throws IOException {
        InputStream in = new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1));
        return v.verify(HeaderSection.read(in), in);
    }

    private static DkimVerdict only(String message) throws IOException {
        List<DkimVerdict> verdicts = verify(verifier, message);
        assertEquals(1, verdicts.size(), verdicts.toString());
        return verdicts.get(0);
    }

    private static TestSigner rsaSigner() {
        return new TestSigner(rsa.getPrivate(), "signer.test", "rsa");
    }

    @Test
    void rsaAndEd25519SignaturesPass() throws Exception {
        DkimVerdict r = only(rsaSigner().sign(MESSAGE));
        assertEquals(DkimResult.PASS, r.result(), r.reason());
        assertEquals("pass signature verified (d=signer.test s=rsa i=@signer.test)", r.logText());
        DkimVerdict e = only(new TestSigner(ed.getPrivate(), "signer.test", "ed").sign(MESSAGE));
        assertEquals(DkimResult.PASS, e.result(), e.reason());
        assertEquals("ed25519-sha256", e.algorithm());
    }

    @Test
    void simpleCanonicalizationPassesUntouchedMessages() throws Exception {
        assertEquals(DkimResult.PASS, only(rsaSigner().canonicalization("simple/simple").sign(MESSAGE)).result());
        assertEquals(DkimResult.PASS, only(rsaSigner().canonicalization("relaxed/simple").sign(MESSAGE)).result());
    }

    @Test
    void aChangedBodyFailsTheBodyHash() throws Exception {
        String signed = rsaSigner().sign(MESSAGE);
        DkimVerdict v = only(signed.replace("figures are", "figures were"));
        assertEquals(DkimResult.FAIL, v.result());
        assertEquals("body hash did not verify", v.reason());
    }

    @Test
    void aChangedHeaderFailsTheSignature() throws Exception {
        String signed = new TestSigner(ed.getPrivate(), "signer.test", "ed").sign(MESSAGE);
        DkimVerdict v = only(signed.replace("Subject: Quarterly figures", "Subject: Pay this invoice"));
        assertEquals(DkimResult.FAIL, v.result());
        assertEquals("signature did not verify", v.reason());
        // A From added on top is the one a reader sees. h= naming From once signs the bottom one only (the
        // RFC's rule), so the addition goes unnoticed; a signer that names From twice (oversigning) catches it.
        String added = "From: Mallory <m@evil.test>\r\nFrom: Alice";
        assertEquals(DkimResult.PASS, only(rsaSigner().sign(MESSAGE).replace("From: Alice", added)).result());
        assertEquals(DkimResult.FAIL, only(rsaSigner().headers("from", "from", "to", "subject").sign(MESSAGE)
                .replace("From: Alice", added)).result());
    }

    @Test
    void relaxedSurvivesWhitespaceChangesThatBreakSimple() throws Exception {
        String relaxed = rsaSigner().sign(MESSAGE);
        String simple = rsaSigner().canonicalization("simple/simple").sign(MESSAGE);
        String refold = "Subject: Quarterly\r\n \t figures \r\n";
        String respace = "the figures  are   attached.  \r\n";
        assertEquals(DkimResult.PASS, only(relaxed.replace("Subject: Quarterly figures\r\n", refold)
                .replace("the figures are  attached.\r\n", respace)).result());
        assertEquals(DkimResult.FAIL, only(simple.replace("the figures are  attached.\r\n", respace)).result());
        assertEquals(DkimResult.FAIL, only(simple.replace("Subject: Quarterly figures\r\n", refold)).result());
        // Empty lines at the end do not count, in either.
        assertEquals(DkimResult.PASS, only(simple + "\r\n\r\n").result());
    }

    @Test
    void bodyLengthLimitsWhatIsSigned() throws Exception {
        // "Hello Bob,\r\n" is 12 canonical octets: what comes after it is not signed.
        String signed = rsaSigner().bodyLength(12).sign(MESSAGE);
        assertEquals(DkimResult.PASS, only(signed.replace("the figures are", "the figures were")).result());
        assertEquals(DkimResult.PASS, only(signed + "Appended by a mailing list\r\n").result());
        assertEquals(DkimResult.FAIL, only(signed.replace("Hello Bob", "Hello Eve")).result());
        String tooLong = rsaSigner().bodyLength(5000).sign(MESSAGE);
        DkimVerdict v = only(tooLong);
        assertEquals(DkimResult.FAIL, v.result());
        assertTrue(v.reason().contains("exceeds the body"), v.reason());
    }

    @Test
    void everySignatureIsReported() throws Exception {
        String twice = new TestSigner(ed.getPrivate(), "signer.test", "ed").sign(rsaSigner().sign(MESSAGE));
        String tampered = twice.replace("Hello Bob", "Hello Eve");
        List<DkimVerdict> verdicts = verify(verifier, twice);
        assertEquals(List.of("ed", "rsa"), verdicts.stream().map(DkimVerdict::selector).toList());
        assertTrue(verdicts.stream().allMatch(DkimVerdict::passed), verdicts.toString());
        assertTrue(verify(verifier, tampered).stream().noneMatch(DkimVerdict::passed));
        assertEquals(DkimResult.NONE, DkimVerifier.overall(verify(verifier, MESSAGE)));
    }

    @Test
    void keyProblems() throws Exception {
        assertEquals(DkimResult.PERMERROR, only(new TestSigner(rsa.getPrivate(), "signer.test", "revoked").sign(MESSAGE)).result());
        DkimVerdict missing = only(new TestSigner(rsa.getPrivate(), "signer.test", "gone").sign(MESSAGE));
        assertEquals(DkimResult.PERMERROR, missing.result());
        assertTrue(missing.reason().startsWith("no key for signature"), missing.reason());
        assertEquals(DkimResult.PERMERROR, only(new TestSigner(rsa.getPrivate(), "signer.test", "strict")
                .tags("i=news@sub.signer.test; ").sign(MESSAGE)).result(), "t=s wants i= in d= exactly");
        assertEquals(DkimResult.PASS, only(new TestSigner(rsa.getPrivate(), "signer.test", "rsa")
                .tags("i=news@sub.signer.test; ").sign(MESSAGE)).result());
        DkimVerifier down = new DkimVerifier(new DnsjavaDns("127.0.0.1:9", Duration.ofMillis(300)), Clock.systemUTC());
        assertEquals(DkimResult.TEMPERROR, verify(down, rsaSigner().sign(MESSAGE)).get(0).result());
    }

    @Test
    void signaturesRefusedBeforeAnyHashing() throws Exception {
        DkimVerdict expired = only(rsaSigner().tags("t=1700000000; x=1700000100; ").sign(MESSAGE));
        assertEquals(DkimResult.POLICY, expired.result());
        assertEquals("signature expired", expired.reason());
        assertEquals(DkimResult.PASS, only(rsaSigner().tags("t=1700000000; x=1900000000; ").sign(MESSAGE)).result());
        DkimVerdict noFrom = only(rsaSigner().headers("from", "to", "subject").sign(MESSAGE).replace("h=from:to:subject", "h=to:subject"));
        assertEquals(DkimResult.NEUTRAL, noFrom.result());
        DkimVerdict sha1 = only(rsaSigner().sign(MESSAGE).replaceFirst("a=rsa-sha256", "a=rsa-sha1"));
        assertEquals(DkimResult.POLICY, sha1.result());
        DkimVerdict outside = only(rsaSigner().sign(MESSAGE).replace("h=from", "i=a@other.test; h=from"));
        assertEquals(DkimResult.NEUTRAL, outside.result());
    }

    @Test
    void theRfc8463ExampleVerifiesWithBothKeys() throws Exception {
        List<DkimVerdict> verdicts = verify(verifier, RFC8463);
        assertEquals(2, verdicts.size());
        assertEquals(List.of("brisbane", "test"), verdicts.stream().map(DkimVerdict::selector).toList());
        assertTrue(verdicts.stream().allMatch(DkimVerdict::passed), verdicts.toString());
        List<DkimVerdict> changed = verify(verifier, RFC8463.replace("hungry", "angry"));
        assertTrue(changed.stream().allMatch(v -> v.reason().equals("body hash did not verify")), changed.toString());
        List<DkimVerdict> relabeled = verify(verifier, RFC8463.replace("dinner", "lunch"));
        assertTrue(relabeled.stream().allMatch(v -> v.reason().equals("signature did not verify")), relabeled.toString());
    }

    @Test
    void theRfc6376CanonicalizationExample() throws Exception {
        // RFC 6376 3.4.5.
        InputStream in = new ByteArrayInputStream("A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        HeaderSection header = HeaderSection.read(in);
        assertEquals("a:X", Canonicalization.RELAXED.header(header.fields().get(0)));
        assertEquals("b:Y Z", Canonicalization.RELAXED.header(header.fields().get(1)));
        assertEquals("B : Y\t\r\n\tZ  ", Canonicalization.SIMPLE.header(header.fields().get(1)));
        byte[] rest = in.readAllBytes();
        assertEquals(sha256(" C\r\nD E\r\n"), bodyHash(rest, Canonicalization.RELAXED));
        assertEquals(sha256(" C \r\nD \t E\r\n"), bodyHash(rest, Canonicalization.SIMPLE));
        assertEquals(sha256(""), bodyHash(new byte[0], Canonicalization.RELAXED));
        assertEquals(sha256("\r\n"), bodyHash(new byte[0], Canonicalization.SIMPLE));
        assertEquals(sha256("\r\n"), bodyHash("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), Canonicalization.SIMPLE));
    }

    /** A body of 12 MB is hashed as it streams past, never held. */
    @Test
    void aLargeBodyStreams() throws Exception {
        String header = MESSAGE.substring(0, MESSAGE.indexOf("\r\n\r\n") + 4);
        byte[] line = "0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789\r\n".getBytes(StandardCharsets.US_ASCII);
        long lines = 12L * 1024 * 1024 / line.length;
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        BodyHash expected = new BodyHash(Canonicalization.RELAXED, digest, -1);
        BodyLines.feed(repeat(line, lines), List.of(expected));
        String bh = java.util.Base64.getEncoder().encodeToString(expected.finish());
        // The signer hashed the body as it streamed too; the verifier reads the same 12 MB from a stream.
        InputStream message = new java.io.BufferedInputStream(new java.io.SequenceInputStream(
                new ByteArrayInputStream(signedFor(header, bh).getBytes(StandardCharsets.ISO_8859_1)), repeat(line, lines)));
        List<DkimVerdict> verdicts = verifier.verify(HeaderSection.read(message), message);
        assertEquals(DkimResult.PASS, verdicts.get(0).result(), verdicts.get(0).reason());
    }

    /** Signs a header for a body whose hash is known, as a streaming signer would. */
    private static String signedFor(String header, String bh) throws Exception {
        String unsigned = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=signer.test; s=rsa;\r\n\th=from:to:subject; bh=" + bh + ";\r\n\tb=";
        DkimSignature parsed = DkimSignature.parse(HeaderField.of(unsigned + "AAAA"));
        byte[] data = DkimVerifier.signedHeaderData(parsed, HeaderSection.read(new ByteArrayInputStream(header.getBytes(StandardCharsets.ISO_8859_1))));
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(rsa.getPrivate());
        signer.update(data);
        return unsigned + java.util.Base64.getEncoder().encodeToString(signer.sign()) + "\r\n" + header;
    }

    private static InputStream repeat(byte[] line, long times) {
        return new InputStream() {
            private long left = times;
            private int at;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                int b = line[at++];
                if (at == line.length) {
                    at = 0;
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = 0;
                while (n < length && left > 0) {
                    buffer[offset + n++] = line[at++];
                    if (at == line.length) {
                        at = 0;
                        left--;
                    }
                }
                return n;
            }
        };
    }

    private static String sha256(String text) throws Exception {
        return java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String bodyHash(byte[] body, Canonicalization c) throws Exception {
        BodyHash hash = new BodyHash(c, java.security.MessageDigest.getInstance("SHA-256"), -1);
        BodyLines.feed(new ByteArrayInputStream(body), List.of(hash));
        return java.util.Base64.getEncoder().encodeToString(hash.finish());
    }
}
