package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Single-stream compression (gzip, bzip2, xz, Unix compress), recognised by magic bytes only:
 * formats without a reliable magic (raw deflate, lzma) would mistake ordinary files for damaged
 * streams. The one member is the decompressed content (a .tar.gz goes on to the tar reader).
 */
final class CompressedContent implements Unpacker {

    /** Built once: it holds only the memory limit, and the names used here need no lookup. */
    private final CompressorStreamFactory factory;

    CompressedContent(ScanLimits limits) {
        this.factory = new CompressorStreamFactory(true, limits.unpackMemoryLimitKb());
    }

    @Override
    public boolean accepts(ScannedObject object) {
        return format(object) != null;
    }

    private static String format(ScannedObject o) {
        if (o.startsWith(0x1F, 0x8B)) {
            return CompressorStreamFactory.GZIP;
        }
        if (o.startsWith('B', 'Z', 'h')) {
            return CompressorStreamFactory.BZIP2;
        }
        if (o.startsWith(0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return CompressorStreamFactory.XZ;
        }
        if (o.startsWith(0x1F, 0x9D)) {
            return CompressorStreamFactory.Z;
        }
        return null;
    }

    @Override
    public void unpack(ScannedObject object, Members members) throws IOException {
        String format = format(object);
        try (InputStream in = factory.createCompressorInputStream(format, new ByteArrayInputStream(object.data()))) {
            members.add(memberName(object.name(), format), in, object.data().length);
        } catch (CompressorException e) {
            throw new IOException(e.getMessage(), e);
        } catch (MemoryLimitException e) {
            throw new UnscannableException(object.path() + ": " + format + " decoder needs more than the memory limit");
        }
    }

    /** {@code a.tar.gz} holds {@code a.tar}; a nameless stream holds "(gz content)". */
    static String memberName(String name, String format) {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !name.substring(dot + 1).contains("/")) {
            return name.substring(0, dot).replaceAll(".*/", "");
        }
        return "(" + format + " content)";
    }
}
