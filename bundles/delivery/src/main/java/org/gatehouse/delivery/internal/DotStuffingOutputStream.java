package org.gatehouse.delivery.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes message content as SMTP DATA (RFC 5321 4.5.2): a dot at the start of a line is doubled,
 * bare LFs become CRLF, and {@link #finish()} ends the last line and writes the lone dot.
 * Works on whole buffers so that big messages stream without a call per octet.
 */
final class DotStuffingOutputStream extends FilterOutputStream {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END = {'.', '\r', '\n'};

    /** The previous octet written; starts as LF so the first line counts as a line start. */
    private int previous = '\n';

    DotStuffingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = buffer[i];
            if (b == '.' && previous == '\n') {
                // Write what came before including this dot, then the dot once more.
                out.write(buffer, start, i - start + 1);
                start = i;
            } else if (b == '\n' && previous != '\r') {
                out.write(buffer, start, i - start);
                out.write('\r');
                start = i;
            }
            previous = b;
        }
        out.write(buffer, start, end - start);
    }

    /** Ends the content: CRLF if the last line lacks one, then {@code .CRLF}. Does not close. */
    void finish() throws IOException {
        if (previous != '\n') {
            out.write(CRLF);
        }
        out.write(END);
        out.flush();
        previous = '\n';
    }

    @Override
    public void close() throws IOException {
        // The socket stays open for the next transaction; closing is the session's job.
        flush();
    }
}
