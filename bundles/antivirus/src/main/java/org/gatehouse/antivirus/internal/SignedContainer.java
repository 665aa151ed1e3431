package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * ClamAV's {@code .cvd}/{@code .cld}: a 512-byte text header, then a tar (gzipped in .cvd) of the
 * signature files. Only the members up to {@link #MAX_MEMBER} bytes are read.
 */
final class SignedContainer {

    static final int HEADER = 512;
    static final int MAX_MEMBER = 512 * 1024 * 1024;

    record Member(String name, byte[] content) {
    }

    private SignedContainer() {
    }

    static List<Member> members(InputStream in, String name) throws IOException, SignatureFormatException {
        byte[] header = in.readNBytes(HEADER);
        if (header.length < HEADER || !new String(header, 0, 11, java.nio.charset.StandardCharsets.US_ASCII).equals("ClamAV-VDB:")) {
            throw new SignatureFormatException(name + ": not a ClamAV signature container (no ClamAV-VDB header)");
        }
        InputStream body = in.markSupported() ? in : new java.io.BufferedInputStream(in);
        body.mark(2);
        int b0 = body.read();
        int b1 = body.read();
        body.reset();
        InputStream tarBytes = b0 == 0x1f && b1 == 0x8b ? new GzipCompressorInputStream(body) : body;
        List<Member> members = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (entry.isFile() && entry.getSize() <= MAX_MEMBER) {
                members.add(new Member(entry.getName(), tar.readAllBytes()));
            }
        }
        return members;
    }
}
