package org.gatehouse.mailauth.command;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a message file saved with bare LF line ends as the CRLF text it was on the wire. */
final class CrlfInputStream extends FilterInputStream {

    private int previous = -1;
    private boolean pendingLf;

    CrlfInputStream(InputStream in) {
        super(new java.io.BufferedInputStream(in, 64 * 1024));
    }

    @Override
    public int read() throws IOException {
        if (pendingLf) {
            pendingLf = false;
            previous = '\n';
            return '\n';
        }
        int b = super.read();
        if (b == '\n' && previous != '\r') {
            pendingLf = true;
            previous = '\r';
            return '\r';
        }
        previous = b;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length) {
            int b = read();
            if (b < 0) {
                return n == 0 ? -1 : n;
            }
            buffer[offset + n++] = (byte) b;
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
