package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner's fast paths give the same answers as the slow ways they replace. */
class ScannerFastPathTest {

    @TempDir
    Path dir;

    private static ScannedObject object(byte[] data) {
        return new ScannedObject("x", "x", data, 1);
    }

    @Test
    void aTextPartIsNotAnArchiveAndNotAnError() {
        byte[] text = "Hello,\r\nthe quarterly report follows.\r\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
        assertNull(ArchiveMembers.format(object(text)));
        byte[] mail = ("From: a@example.org\r\nTo: b@example.com\r\nSubject: plain\r\n\r\n"
                + new String(text, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        ScanResult r = Fixtures.scan(mail);
        assertEquals(ScanVerdict.CLEAN, r.verdict(), r.describe());
    }

    @Test
    void binaryThatIsNoArchiveIsNotTakenForOne() {
        byte[] random = new byte[4096];
        new Random(3).nextBytes(random);
        random[0] = 'x';
        assertNull(ArchiveMembers.format(object(random)));
        assertNull(ArchiveMembers.format(object(new byte[1024])));
    }

    @Test
    void archivesAreKnownByTheirMagic() throws IOException {
        assertEquals(ArchiveStreamFactory.AR, ArchiveMembers.format(object("!<arch>\nfile".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(ArchiveStreamFactory.CPIO, ArchiveMembers.format(object("070701000000".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(ArchiveStreamFactory.ARJ, ArchiveMembers.format(object(new byte[] {0x60, (byte) 0xEA, 1, 2})));
        assertEquals(ArchiveStreamFactory.TAR, ArchiveMembers.format(object(tar(Fixtures.marked("in a tar ")))));
    }

    @Test
    void anOldTarWithoutMagicIsKnownByItsChecksum() throws IOException {
        byte[] tar = tar(Fixtures.marked("old tar "));
        // A v7 header: no "ustar" magic or version, the checksum recomputed over what is left.
        Arrays.fill(tar, 257, 265, (byte) 0);
        Arrays.fill(tar, 148, 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += tar[i] & 0xFF;
        }
        byte[] octal = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(octal, 0, tar, 148, 8);
        assertTrue(ArchiveMembers.isTar(tar));
        tar[0] ^= 1;
        assertTrue(!ArchiveMembers.isTar(tar), "a header whose checksum does not add up is no tar");
    }

    @Test
    void aMarkerInsideATarIsFound() throws IOException {
        ScanResult r = Fixtures.scan(tar(Fixtures.marked("tarred ")));
        assertEquals(ScanVerdict.INFECTED, r.verdict(), r.describe());
    }

    private static byte[] tar(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry("a.txt");
            e.setSize(content.length);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    @Test
    void base64DecodesAsTheJdkDoesWithLineBreaksAndStrayCharacters() {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 2, 3, 4, 57, 58, 1000, 65_537}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            byte[] encoded = Base64.getMimeEncoder().encode(data);
            assertArrayEquals(data, Base64Body.decode(encoded, encoded.length), "size " + size);
            byte[] noisy = (" \t" + new String(encoded, StandardCharsets.US_ASCII).replace("\r\n", "\r\n \u0001")
                    + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            assertArrayEquals(data, Base64Body.decode(noisy, noisy.length), "size " + size + " with stray characters");
        }
    }

    @Test
    void truncatedBase64StillYieldsWhatItHolds() {
        byte[] data = "attachment bytes".getBytes(StandardCharsets.US_ASCII);
        byte[] encoded = Base64.getEncoder().withoutPadding().encode(data);
        for (int cut = 0; cut <= encoded.length; cut++) {
            byte[] decoded = Base64Body.decode(encoded, cut);
            assertArrayEquals(Arrays.copyOf(data, cut * 3 / 4), decoded, "cut at " + cut);
        }
        byte[] afterPadding = "YQ==YWJj".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(new byte[] {'a'}, Base64Body.decode(afterPadding, afterPadding.length));
    }

    @Test
    void aMarkerInABase64AttachmentIsFound() {
        ScanResult r = Fixtures.scan(Fixtures.mailWithAttachment("m.bin", Fixtures.marked("attached ")));
        assertEquals(ScanVerdict.INFECTED, r.verdict(), r.describe());
        assertTrue(r.detail() == null || !r.detail().contains("damaged"), r.describe());
    }

    @Test
    void theIndexFindsAnchorsAtEitherEndAndOnlyWithinTheLength() {
        List<byte[]> anchors = new ArrayList<>();
        anchors.add("ABCDEFGH".getBytes(StandardCharsets.US_ASCII));
        anchors.add(null);
        anchors.add("WXYZ".getBytes(StandardCharsets.US_ASCII));
        PrefixIndex index = new PrefixIndex(anchors);
        byte[] data = "ABCDEFGH in the middle WXYZ".getBytes(StandardCharsets.US_ASCII);
        List<String> hits = new ArrayList<>();
        index.scan(data, data.length, (s, at) -> hits.add(s + "@" + at) && false);
        assertEquals(List.of("0@0", "2@23"), hits);
        hits.clear();
        index.scan(data, data.length - 1, (s, at) -> hits.add(s + "@" + at) && false);
        assertEquals(List.of("0@0"), hits);
        hits.clear();
        index.scan(new byte[3], 3, (s, at) -> hits.add(s + "@" + at) && false);
        assertEquals(List.of(), hits);
    }

    @Test
    void longAnchorsLookedForAtEveryFewWindowsAreFoundAtEveryAlignment() {
        List<byte[]> anchors = List.of("0123456789".getBytes(StandardCharsets.US_ASCII), "abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
        PrefixIndex index = new PrefixIndex(anchors);
        for (int at = 0; at <= 30; at++) {
            byte[] data = new byte[at + 10 + at % 7];
            Arrays.fill(data, (byte) '.');
            System.arraycopy(anchors.get(0), 0, data, at, 10);
            List<Integer> starts = new ArrayList<>();
            index.scan(data, data.length, (s, start) -> starts.add(s * 1000 + start) && false);
            assertEquals(List.of(at), starts, "anchor at " + at);
        }
    }

    @Test
    void aSignatureIsFoundWhereverItsAnchorLies() {
        SignatureLoader loader = new SignatureLoader(java.time.Clock.systemUTC());
        String sig = "Test.Long:0:*:" + Fixtures.hex("0123456789".getBytes(StandardCharsets.US_ASCII)) + "??"
                + Fixtures.hex("abc".getBytes(StandardCharsets.US_ASCII)) + "\n";
        try {
            loader.read("t.ndb", new ByteArrayInputStream(sig.getBytes(StandardCharsets.US_ASCII)));
            SignatureDatabase db = loader.build();
            for (int at = 0; at < 12; at++) {
                byte[] data = (".".repeat(at) + "0123456789Xabc" + ".".repeat(at % 5)).getBytes(StandardCharsets.US_ASCII);
                assertEquals("Test.Long", db.match(data, data.length), "at " + at);
                byte[] near = (".".repeat(at) + "0123456789Xabd").getBytes(StandardCharsets.US_ASCII);
                assertNull(db.match(near, near.length), "at " + at);
            }
        } catch (IOException | SignatureFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMarkerAtTheEndOfALargeMemberIsFound() throws IOException {
        byte[] large = new byte[3 * 1024 * 1024];
        Arrays.fill(large, (byte) 'a');
        byte[] marked = Fixtures.marked("");
        System.arraycopy(marked, 0, large, large.length - marked.length, marked.length);
        ScanResult r = Fixtures.scan(Fixtures.zip("big.txt", large, java.util.zip.ZipEntry.STORED));
        assertEquals(ScanVerdict.INFECTED, r.verdict(), r.describe());
    }

    @Test
    void hashSignaturesMatchOnlyTheirSize() {
        HashSignatures hashes = new HashSignatures();
        byte[] data = "sixty-four bytes? no, just these".getBytes(StandardCharsets.US_ASCII);
        hashes.add(md5(data, data.length), String.valueOf(data.length), "Sized");
        hashes.add(md5(data, 10), "*", "AnySize");
        assertEquals("Sized", hashes.match(data, data.length));
        assertEquals("AnySize", hashes.match(data, 10));
        assertNull(hashes.match(data, 11));
        hashes.add(md5(data, 5), "99999999999", "TooLargeToMatch");
        assertNull(hashes.match(data, 5));
        assertEquals(3, hashes.size());
    }

    private static String md5(byte[] data, int length) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
            md.update(data, 0, length);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void textMarkersAreFoundFromAnyPosition() {
        ScannedObject o = object("abc begin 644 x\nbegin ".getBytes(StandardCharsets.US_ASCII));
        assertEquals(4, o.indexOf("begin ", 0));
        assertEquals(16, o.indexOf("begin ", 5));
        assertEquals(-1, o.indexOf("begin ", 17));
        assertEquals(4, o.indexOf("begin ", -3));
    }

    @Test
    void theMarkerSearchAgreesWithStringIndexOf() {
        Random random = new Random(9);
        for (int round = 0; round < 300; round++) {
            char[] text = new char[random.nextInt(200)];
            for (int i = 0; i < text.length; i++) {
                text[i] = "abn e(gi".charAt(random.nextInt(8));
            }
            String t = new String(text);
            ScannedObject o = object(t.getBytes(StandardCharsets.ISO_8859_1));
            for (String needle : new String[] {"begin ", "aab", "a", "(b", BinHexContent.MARKER, "ee"}) {
                int from = random.nextInt(5);
                assertEquals(t.indexOf(needle, from), o.indexOf(needle, from), needle + " in " + t + " from " + from);
            }
        }
        assertEquals(3, object("xyzend".getBytes(StandardCharsets.US_ASCII)).indexOf("end", 0));
    }

    @Test
    void aWrongClamdAddressFailsEachScanWithTheReason() {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try {
            ClamdEngine engine = new ClamdEngine("no-port-here", Duration.ofSeconds(1), watchdog);
            IOException e = assertThrows(IOException.class, () -> engine.scan("x", new ByteArrayInputStream(new byte[1])));
            assertTrue(e.getMessage().contains("host:port"), e.getMessage());
        } finally {
            watchdog.shutdownNow();
        }
    }

    @Test
    void theToolScansOnSeveralThreadsWithTheSameVerdicts() throws IOException {
        for (int i = 0; i < 12; i++) {
            byte[] content = i % 4 == 0 ? Fixtures.marked("file " + i + " ") : ("clean " + i).getBytes(StandardCharsets.US_ASCII);
            Files.write(dir.resolve("f" + i + ".txt"), content);
        }
        Path db = dir.resolve("db.ndb");
        Files.writeString(db, Fixtures.MARKER_SIGNATURE + ":0:*:" + Fixtures.hex(Fixtures.MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n");
        for (String threads : new String[] {"1", "3"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = ScanTool.run(new String[] {"--db", db.toString(), "--quiet", "--threads", threads, dir.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(1, status, printed);
            assertTrue(printed.contains("infected=3 "), printed);
            assertTrue(printed.contains("threads=" + threads), printed);
        }
    }
}
