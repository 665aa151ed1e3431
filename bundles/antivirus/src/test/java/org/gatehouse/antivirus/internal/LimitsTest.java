package org.gatehouse.antivirus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Hostile input gets a verdict: each limit makes the scan unscannable, passwords make it encrypted. */
class LimitsTest {

    private static ScanResult scan(ScanLimits limits, byte[] content) {
        return Fixtures.scanner(limits).scan("test", new ByteArrayInputStream(content));
    }

    private static void assertUnscannable(ScanResult r, String why) {
        assertEquals(ScanVerdict.UNSCANNABLE, r.verdict(), r.describe());
        assertTrue(r.detail().contains(why), r.detail());
    }

    @Test
    void zipBombByRatio() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(out.size() < 100_000);
        assertUnscannable(Fixtures.scan(out.toByteArray()), "compression ratio");
    }

    @Test
    void expandedSizeLimit() throws IOException {
        ScanLimits small = new ScanLimits(16, 512 * 1024, 1000, 100, Duration.ofSeconds(30), 65536);
        byte[] random = new byte[600 * 1024];
        new java.util.Random(1).nextBytes(random);
        assertUnscannable(scan(small, Fixtures.zip("r.bin", random)), "MB unpacked");
    }

    @Test
    void fiftyDeepNestedArchive() throws IOException {
        byte[] content = Fixtures.marked("deep ");
        for (int i = 0; i < 50; i++) {
            content = Fixtures.zip("level" + i + ".zip", content);
        }
        assertUnscannable(Fixtures.scan(content), "nested deeper than 16");
    }

    @Test
    void tooManyFiles() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 200; i++) {
                zip.putNextEntry(new ZipEntry("f" + i));
                zip.write('x');
                zip.closeEntry();
            }
        }
        ScanLimits limits = new ScanLimits(16, 1 << 30, 250, 100, Duration.ofSeconds(30), 65536);
        assertUnscannable(scan(limits, out.toByteArray()), "more than 100 files");
    }

    @Test
    void scanTimeLimit() throws IOException {
        ScanLimits limits = new ScanLimits(16, 1 << 30, 250, 5000, Duration.ZERO, 65536);
        assertUnscannable(scan(limits, Fixtures.zip("a", new byte[10])), "longer than 0s");
    }

    @Test
    void passwordZipIsEncrypted() throws IOException {
        ScanResult r = Fixtures.scan(Fixtures.resource("zip-password.zip"));
        assertEquals(ScanVerdict.ENCRYPTED, r.verdict(), r.describe());
        assertTrue(r.detail().contains("marker.txt"), r.detail());
    }

    @Test
    void virusBesideAPasswordZipIsStillInfected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("locked.zip"));
            zip.write(Fixtures.resource("zip-password.zip"));
            zip.putNextEntry(new ZipEntry("eicar.com"));
            zip.write(EicarTail.eicar());
        }
        assertEquals(ScanVerdict.INFECTED, Fixtures.scan(out.toByteArray()).verdict());
    }

    @Test
    void truncatedArchiveIsUnscannableButWhatWasReadIsScanned() throws IOException {
        byte[] random = new byte[200_000];
        new java.util.Random(2).nextBytes(random);
        byte[] zip = Fixtures.zip("big.bin", random, ZipEntry.STORED);
        assertUnscannable(Fixtures.scan(ArchiveTest.truncated(zip, 100_000)), "damaged");

        byte[] marked = Fixtures.marked("front ");
        byte[] both = new byte[marked.length + random.length];
        System.arraycopy(marked, 0, both, 0, marked.length);
        System.arraycopy(random, 0, both, marked.length, random.length);
        byte[] cut = ArchiveTest.truncated(Fixtures.zip("big.bin", both), 150_000);
        assertEquals(ScanVerdict.INFECTED, Fixtures.scan(cut).verdict());
    }

    @Test
    void truncatedGzipIsUnscannable() throws Exception {
        byte[] random = new byte[100_000];
        new java.util.Random(3).nextBytes(random);
        byte[] gz = ArchiveTest.compress("gz", random);
        assertUnscannable(Fixtures.scan(ArchiveTest.truncated(gz, gz.length / 2)), "damaged");
    }
}
