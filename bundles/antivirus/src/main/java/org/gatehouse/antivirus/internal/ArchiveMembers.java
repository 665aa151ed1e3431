package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;

/**
 * Streamed archives: tar, cpio, arj, ar. (Zip and 7z have their own readers; arj is readable
 * only for stored members, as Commons Compress reads no compressed arj method.) The format is
 * recognised here by its magic bytes: asking Commons Compress to detect it costs an exception
 * with a stack trace for every object that is not an archive, which is nearly every MIME part.
 */
final class ArchiveMembers implements Unpacker {

    private static final int TAR_HEADER = 512;
    private static final int TAR_MAGIC_AT = 257;
    private static final int TAR_CHECKSUM_AT = 148;
    private static final int TAR_CHECKSUM_LENGTH = 8;

    @Override
    public boolean accepts(ScannedObject object) {
        return format(object) != null;
    }

    /** The archive format the object starts with, or null. */
    static String format(ScannedObject o) {
        if (o.startsWith('!', '<', 'a', 'r', 'c', 'h', '>', '\n')) {
            return ArchiveStreamFactory.AR;
        }
        if (o.startsWith(0x60, 0xEA)) {
            return ArchiveStreamFactory.ARJ;
        }
        if (o.startsWith(0x71, 0xC7) || o.startsWith(0xC7, 0x71) || o.startsWith('0', '7', '0', '7', '0', '1')
                || o.startsWith('0', '7', '0', '7', '0', '2') || o.startsWith('0', '7', '0', '7', '0', '7')) {
            return ArchiveStreamFactory.CPIO;
        }
        return isTar(o.data()) ? ArchiveStreamFactory.TAR : null;
    }

    /**
     * A tar header: "ustar" at 257 (POSIX and GNU), or, for the old v7 headers that have no
     * magic, a name and a checksum that adds up (the test Commons Compress itself falls back on).
     */
    static boolean isTar(byte[] d) {
        if (d.length < TAR_HEADER) {
            return false;
        }
        if (d[TAR_MAGIC_AT] == 'u' && d[TAR_MAGIC_AT + 1] == 's' && d[TAR_MAGIC_AT + 2] == 't'
                && d[TAR_MAGIC_AT + 3] == 'a' && d[TAR_MAGIC_AT + 4] == 'r') {
            return true;
        }
        if (d[0] == 0) {
            return false;
        }
        long stored = 0;
        int digits = 0;
        for (int i = TAR_CHECKSUM_AT; i < TAR_CHECKSUM_AT + TAR_CHECKSUM_LENGTH; i++) {
            byte b = d[i];
            if (b >= '0' && b <= '7') {
                stored = stored * 8 + (b - '0');
                digits++;
            } else if (b == 0 || b == ' ') {
                if (digits > 0) {
                    break;
                }
            } else {
                return false;
            }
        }
        if (digits == 0) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < TAR_HEADER; i++) {
            byte b = i >= TAR_CHECKSUM_AT && i < TAR_CHECKSUM_AT + TAR_CHECKSUM_LENGTH ? (byte) ' ' : d[i];
            unsigned += b & 0xFF;
            signed += b;
        }
        return stored == unsigned || stored == signed;
    }

    @Override
    public void unpack(ScannedObject object, Members members) throws IOException {
        String format = format(object);
        try (ArchiveInputStream<?> archive = ArchiveStreamFactory.DEFAULT.createArchiveInputStream(format,
                new ByteArrayInputStream(object.data()))) {
            ArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!archive.canReadEntryData(entry)) {
                    members.unreadable(entry.getName(), format + " member uses a method that cannot be unpacked");
                } else {
                    members.add(entry.getName(), archive, -1);
                }
            }
        }
    }
}
