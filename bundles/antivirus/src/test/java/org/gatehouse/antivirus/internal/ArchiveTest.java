package org.gatehouse.antivirus.internal;

import static org.gatehouse.antivirus.internal.Fixtures.MARKER_SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives and compressors: the marker is found inside each, and through nesting. */
class ArchiveTest {

    @TempDir
    Path dir;

    private static final byte[] PAYLOAD = Fixtures.marked("archived ");

    private static void assertMarker(byte[] content) {
        ScanResult r = Fixtures.scan(content);
        assertEquals(ScanVerdict.INFECTED, r.verdict(), r.describe());
        assertEquals(MARKER_SIGNATURE, r.signature());
    }

    @Test
    void zipDeflatedAndStored() throws IOException {
        assertMarker(Fixtures.zip("a.txt", PAYLOAD));
        assertMarker(Fixtures.zip("a.txt", PAYLOAD, ZipEntry.STORED));
    }

    @Test
    void zipMethodsMadeByInfoZip() throws IOException {
        assertMarker(Fixtures.resource("zip-bzip2.zip"));
        assertMarker(Fixtures.resource("zip-stored.zip"));
    }

    @Test
    void zipWithAMethodNobodyReadsIsUnscannable() throws IOException {
        byte[] zip = Fixtures.zip("a.txt", "harmless".getBytes(), ZipEntry.STORED);
        // PPMd (98) in the local and the central header: Commons Compress cannot unpack it.
        for (int i = 0; i + 4 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && (zip[i + 2] == 3 && zip[i + 3] == 4)) {
                zip[i + 8] = 98;
            } else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 10] = 98;
            }
        }
        ScanResult r = Fixtures.scan(zip);
        assertEquals(ScanVerdict.UNSCANNABLE, r.verdict(), r.describe());
        assertTrue(r.detail().contains("98"), r.detail());
    }

    @Test
    void tarCpioAndArOpen() throws Exception {
        assertMarker(archive(ArchiveStreamFactory.TAR, new TarArchiveEntry("a.txt") {{ setSize(PAYLOAD.length); }}));
        CpioArchiveEntry cpio = new CpioArchiveEntry("a.txt");
        cpio.setSize(PAYLOAD.length);
        cpio.setMode(CpioArchiveEntry.C_ISREG | 0644);
        assertMarker(archive(ArchiveStreamFactory.CPIO, cpio));
    }

    @Test
    void compressors() throws Exception {
        for (String f : new String[] {CompressorStreamFactory.GZIP, CompressorStreamFactory.BZIP2, CompressorStreamFactory.XZ}) {
            assertMarker(compress(f, PAYLOAD));
        }
    }

    @Test
    void tarGzInsideZipInsideMail() throws Exception {
        byte[] tgz = compress(CompressorStreamFactory.GZIP,
                archive(ArchiveStreamFactory.TAR, new TarArchiveEntry("deep/a.txt") {{ setSize(PAYLOAD.length); }}));
        ScanResult r = Fixtures.scan(Fixtures.mailWithAttachment("b.zip", Fixtures.zip("c.tar.gz", tgz)));
        assertEquals(MARKER_SIGNATURE, r.signature());
        // A tar stores members as they are: the raw tar already shows the marker.
        assertEquals("test/part 2 b.zip/c.tar.gz/c.tar", r.detail());
    }

    @Test
    void sevenZip() throws Exception {
        Path file = dir.resolve("a.7z");
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            SevenZArchiveEntry e = out.createArchiveEntry(dir.toFile(), "a.txt");
            e.setDirectory(false);
            out.putArchiveEntry(e);
            out.write(PAYLOAD);
            out.closeArchiveEntry();
        }
        assertMarker(Files.readAllBytes(file));
    }

    @Test
    void cabIsScannedRaw() {
        byte[] cab = new byte[64 + PAYLOAD.length];
        System.arraycopy("MSCF".getBytes(), 0, cab, 0, 4);
        System.arraycopy(PAYLOAD, 0, cab, 64, PAYLOAD.length);
        assertMarker(cab);
        cab[64 + 9] = 'x';
        assertEquals(ScanVerdict.CLEAN, Fixtures.scan(cab).verdict());
    }

    static byte[] archive(String format, ArchiveEntry entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArchiveOutputStream<ArchiveEntry> a = ArchiveStreamFactory.DEFAULT.createArchiveOutputStream(format, out)) {
            a.putArchiveEntry(entry);
            a.write(PAYLOAD);
            a.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    static byte[] compress(String format, byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream c = new CompressorStreamFactory().createCompressorOutputStream(format, out)) {
            c.write(data);
        }
        return out.toByteArray();
    }

    static byte[] truncated(byte[] data, int keep) {
        return Arrays.copyOf(data, keep);
    }
}
