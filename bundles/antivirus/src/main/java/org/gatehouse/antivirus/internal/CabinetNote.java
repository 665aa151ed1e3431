package org.gatehouse.antivirus.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft cabinet files: Commons Compress has no cab reader, so a cab's members are not
 * unpacked; its raw bytes are scanned like any file (a signature on the raw cab still hits).
 * Accepting it stops the text decoders from looking into compressed data.
 */
final class CabinetNote implements Unpacker {

    private static final Logger LOG = LoggerFactory.getLogger(CabinetNote.class);

    @Override
    public boolean accepts(ScannedObject object) {
        return object.startsWith('M', 'S', 'C', 'F', 0, 0, 0, 0);
    }

    @Override
    public void unpack(ScannedObject object, Members members) {
        LOG.debug("{}: cab archive, members not unpacked (no cab reader), raw bytes scanned", object.path());
    }
}
