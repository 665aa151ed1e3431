package org.gatehouse.antivirus.internal;

import java.io.IOException;

/** Opens one kind of container or encoding and hands its members on. */
interface Unpacker {

    boolean accepts(ScannedObject object);

    /**
     * Hands every member to {@code members}. An {@code IOException} means the container is
     * damaged: what was read so far has been scanned, the rest makes the verdict unscannable.
     */
    void unpack(ScannedObject object, Members members) throws IOException;
}
