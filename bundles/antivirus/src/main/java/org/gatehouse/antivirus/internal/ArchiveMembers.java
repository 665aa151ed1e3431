package org.gatehouse.antivirus.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;

/**
 * Streamed archives that Commons Compress recognises by content: tar, cpio, arj, ar. (Zip and 7z
 * have their own readers; arj is readable only for stored members, as Commons Compress reads
 * no compressed arj method.)
 */
final class ArchiveMembers implements Unpacker {

    private static final Set<String> FORMATS = Set.of(ArchiveStreamFactory.TAR, ArchiveStreamFactory.CPIO,
            ArchiveStreamFactory.ARJ, ArchiveStreamFactory.AR);

    @Override
    public boolean accepts(ScannedObject object) {
        return format(object) != null;
    }

    private static String format(ScannedObject object) {
        try (InputStream in = new BufferedInputStream(new ByteArrayInputStream(object.data()))) {
            String f = ArchiveStreamFactory.detect(in);
            return FORMATS.contains(f) ? f : null;
        } catch (IOException e) {
            // Not an archive of these kinds: nothing to unpack, the bytes were scanned as they are.
            return null;
        }
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
