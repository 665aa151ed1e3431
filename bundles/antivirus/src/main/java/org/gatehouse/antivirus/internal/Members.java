package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;

/** Where an unpacker hands what it finds inside an object. */
interface Members {

    /**
     * A member to scan, read from {@code content} within the scan's limits.
     *
     * @param packedSize its size before decompression, for the ratio check; -1 if unknown
     */
    void add(String name, InputStream content, long packedSize) throws IOException;

    /**
     * A member already decoded in memory, scanned as it is (no copy); it counts towards the
     * bytes unpacked like any other.
     */
    default void add(String name, byte[] content) throws IOException {
        add(name, new java.io.ByteArrayInputStream(content), -1);
    }

    /** A member that is password-protected: the verdict will be {@code encrypted}. */
    void encrypted(String name);

    /** A member or container that could not be read (damaged, unsupported method): {@code unscannable}. */
    void unreadable(String name, String why);
}
