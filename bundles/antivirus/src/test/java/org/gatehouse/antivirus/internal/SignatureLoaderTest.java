package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureLoaderTest {

    @TempDir
    Path dir;

    private static String digest(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    @Test
    void eicarIsDetectedOutOfTheBox() throws Exception {
        SignatureDatabase db = SignatureLoader.load(List.of(), true, Clock.systemUTC());
        byte[] eicar = EicarTail.eicar();
        assertEquals("Eicar-Test-Signature", db.match(eicar, eicar.length));
        assertNull(db.match(EicarHead.TEXT.getBytes(StandardCharsets.US_ASCII), EicarHead.TEXT.length()));
    }

    @Test
    void hashSignaturesBySizeOrAnySize() throws Exception {
        byte[] a = "first sample".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "second sample".getBytes(StandardCharsets.US_ASCII);
        byte[] c = "third sample!".getBytes(StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("x.hdb"), digest("MD5", a) + ":" + a.length + ":Test.Md5\n");
        Files.writeString(dir.resolve("y.hsb"), digest("SHA-256", b) + ":*:Test.Sha256:73\n"
                + digest("SHA-1", c) + ":" + c.length + ":Test.Sha1\n");
        SignatureDatabase db = SignatureLoader.load(List.of(dir), false, Clock.systemUTC());
        assertEquals(3, db.signatureCount());
        assertEquals("Test.Md5", db.match(a, a.length));
        assertEquals("Test.Sha256", db.match(b, b.length));
        assertEquals("Test.Sha1", db.match(c, c.length));
        byte[] other = "other".getBytes(StandardCharsets.US_ASCII);
        assertNull(db.match(other, other.length));
    }

    @Test
    void ndbOldDbAndIgnoreList() throws Exception {
        Files.writeString(dir.resolve("a.ndb"), "Test.Body:0:*:" + Fixtures.hex("evil".getBytes()) + "\n"
                + "Test.EntryPoint:1:EP+0:" + Fixtures.hex("evil".getBytes()) + "\n");
        Files.writeString(dir.resolve("b.db"), "Test.Old=" + Fixtures.hex("wicked".getBytes()) + "\n");
        Files.writeString(dir.resolve("c.ign2"), "Test.Old\n");
        SignatureDatabase db = SignatureLoader.load(List.of(dir), false, Clock.systemUTC());
        assertEquals(1, db.signatureCount());
        assertEquals(1, db.skipped());
        byte[] w = "so wicked".getBytes();
        assertNull(db.match(w, w.length));
        byte[] e = "so evil".getBytes();
        assertEquals("Test.Body", db.match(e, e.length));
    }

    @Test
    void aBadLineFailsTheLoadWithFileAndLine() throws Exception {
        Files.writeString(dir.resolve("bad.ndb"), "ok:0:*:aabb\nbroken:0:*:aab\n");
        SignatureFormatException e = assertThrows(SignatureFormatException.class,
                () -> SignatureLoader.load(List.of(dir), false, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("bad.ndb:2"), e.getMessage());
    }

    @Test
    void cvdContainerIsOpened() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(String.format("%-512s", "ClamAV-VDB:test:1:1:0:x:x:x:0").getBytes(StandardCharsets.US_ASCII));
        byte[] ndb = ("Test.Cvd:0:*:" + Fixtures.hex("inside cvd".getBytes()) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry entry = new TarArchiveEntry("main.ndb");
            entry.setSize(ndb.length);
            tar.putArchiveEntry(entry);
            tar.write(ndb);
            tar.closeArchiveEntry();
        }
        Files.write(dir.resolve("main.cvd"), out.toByteArray());
        SignatureDatabase db = SignatureLoader.load(List.of(dir), false, Clock.systemUTC());
        byte[] d = "xx inside cvd xx".getBytes();
        assertEquals("Test.Cvd", db.match(d, d.length));
    }

    /** 10,000+ signatures in one pass: each is found, and random data finds none. */
    @Test
    void tenThousandSignaturesInOnePass() throws Exception {
        Random random = new Random(7);
        StringBuilder ndb = new StringBuilder();
        List<byte[]> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            byte[] body = new byte[20];
            random.nextBytes(body);
            samples.add(body);
            String h = Fixtures.hex(body);
            String sig = switch (i % 4) {
                case 0 -> h;
                case 1 -> h.substring(0, 10) + "??" + h.substring(12);
                case 2 -> h.substring(0, 16) + "{1-3}" + h.substring(16);
                default -> h.substring(0, 8) + "*" + h.substring(8);
            };
            ndb.append("Gen.").append(i).append(":0:*:").append(sig).append('\n');
        }
        Files.writeString(dir.resolve("gen.ndb"), ndb.toString());
        SignatureDatabase db = SignatureLoader.load(List.of(dir), true, Clock.systemUTC());
        assertEquals(12_001, db.signatureCount());
        byte[] noise = new byte[4 * 1024 * 1024];
        random.nextBytes(noise);
        assertNull(db.match(noise, noise.length));
        for (int i : new int[] {0, 1, 3, 4997, 11_999}) {
            byte[] data = noise.clone();
            byte[] s = samples.get(i);
            int at = 1_000_000 + i;
            if (i % 4 == 2) {
                System.arraycopy(s, 0, data, at, 8);
                data[at + 8] = 'x';
                System.arraycopy(s, 8, data, at + 9, 12);
            } else {
                System.arraycopy(s, 0, data, at, s.length);
            }
            assertEquals("Gen." + i, db.match(data, data.length));
        }
    }

    @Test
    void missingPathIsAnError() {
        assertThrows(IOException.class, () -> SignatureLoader.load(List.of(dir.resolve("none.ndb")), false, Clock.systemUTC()));
    }
}
