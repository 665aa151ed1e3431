package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;

/** Reads a message for a daemon that wants its length up front (spamd, Rspamd). */
final class MessageBytes {

    /** Larger messages are refused rather than cut: a cut message is not the message. */
    static final int MAX = 64 * 1024 * 1024;

    private MessageBytes() {
    }

    static byte[] read(InputStream content) throws IOException {
        byte[] bytes = MboxFromLine.skip(content).readNBytes(MAX + 1);
        if (bytes.length > MAX) {
            throw new IOException("message larger than " + MAX + " bytes: not sent to the anti-spam daemon");
        }
        return bytes;
    }
}
