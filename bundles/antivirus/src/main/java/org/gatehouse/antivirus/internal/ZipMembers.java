package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Zip members through the central directory (every method Commons Compress reads: stored,
 * deflate, deflate64, bzip2, implode, shrink, and more as it grows); a zip without a readable
 * central directory (truncated) is read member by member from the front as far as it goes.
 */
final class ZipMembers implements Unpacker {

    @Override
    public boolean accepts(ScannedObject object) {
        return object.startsWith(0x50, 0x4B, 0x03, 0x04) || object.startsWith(0x50, 0x4B, 0x05, 0x06);
    }

    @Override
    public void unpack(ScannedObject object, Members members) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(object.data())).get();
        } catch (IOException e) {
            members.unreadable("", "damaged zip, no readable central directory (" + e.getMessage() + "); members read from the front");
            readFromFront(object, members);
            return;
        }
        try (zip) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (readable(entry, zip::canReadEntryData, members)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        members.add(entry.getName(), in, entry.getCompressedSize());
                    }
                }
            }
        }
    }

    private static void readFromFront(ScannedObject object, Members members) throws IOException {
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(object.data()), "UTF-8", true, true)) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (readable(entry, zip::canReadEntryData, members)) {
                    members.add(entry.getName(), zip, entry.getCompressedSize());
                }
            }
        }
    }

    /**
     * Whether the entry's content can be handed on; a password-protected entry or one whose
     * method cannot be unpacked is reported as such instead, and a directory is skipped.
     */
    private static boolean readable(ZipArchiveEntry entry, Predicate<ZipArchiveEntry> canRead, Members members) {
        if (entry.isDirectory()) {
            return false;
        }
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            members.encrypted(entry.getName());
            return false;
        }
        if (!canRead.test(entry)) {
            members.unreadable(entry.getName(), "zip method " + method(entry) + " cannot be unpacked");
            return false;
        }
        return true;
    }

    private static String method(ZipArchiveEntry entry) {
        ZipMethod m = ZipMethod.getMethodByCode(entry.getMethod());
        return m == null ? String.valueOf(entry.getMethod()) : m.name() + " (" + entry.getMethod() + ")";
    }
}
