package org.gatehouse.antispam.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Messages saved from mailboxes (and the training corpus) start with an mbox {@code From }
 * envelope line that is not part of the message; left in, the MIME parser would take it for
 * a broken header and lose the real ones.
 */
final class MboxFromLine {

    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};
    private static final int MAX_LINE = 4096;

    private MboxFromLine() {
    }

    /** The same content, past a leading {@code From } line when there is one. */
    static InputStream skip(InputStream in) throws IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 65536);
        buffered.mark(FROM.length);
        byte[] start = buffered.readNBytes(FROM.length);
        boolean envelope = start.length == FROM.length;
        for (int i = 0; envelope && i < FROM.length; i++) {
            envelope = start[i] == FROM[i];
        }
        if (!envelope) {
            buffered.reset();
            return buffered;
        }
        for (int i = 0, c = 0; i < MAX_LINE && c != '\n'; i++) {
            c = buffered.read();
            if (c < 0) {
                break;
            }
        }
        return buffered;
    }
}
