package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * 7z members. A password-protected 7z (content or names) is {@code encrypted}; one whose
 * decoder would need more memory than the limit (a dictionary bomb) is {@code unscannable}.
 */
final class SevenZipMembers implements Unpacker {

    private final int memoryLimitKb;

    SevenZipMembers(ScanLimits limits) {
        this.memoryLimitKb = limits.unpackMemoryLimitKb();
    }

    @Override
    public boolean accepts(ScannedObject object) {
        return object.startsWith('7', 'z', 0xBC, 0xAF, 0x27, 0x1C);
    }

    @Override
    public void unpack(ScannedObject object, Members members) throws IOException {
        try (SevenZFile archive = SevenZFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(object.data()))
                .setMaxMemoryLimitKb(memoryLimitKb)
                .get()) {
            SevenZArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory() || !entry.hasStream()) {
                    continue;
                }
                try {
                    members.add(entry.getName(), new EntryStream(archive), object.data().length);
                } catch (PasswordRequiredException e) {
                    members.encrypted(entry.getName());
                    return;
                }
            }
        } catch (PasswordRequiredException e) {
            members.encrypted("(7z headers)");
        } catch (MemoryLimitException e) {
            throw new UnscannableException(object.path() + ": 7z decoder needs more than the memory limit");
        }
    }

    /** The current entry's content: SevenZFile reads it from itself. */
    private static final class EntryStream extends InputStream {
        private final SevenZFile archive;

        EntryStream(SevenZFile archive) {
            this.archive = archive;
        }

        @Override
        public int read() throws IOException {
            return archive.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return archive.read(b, off, len);
        }
    }
}
