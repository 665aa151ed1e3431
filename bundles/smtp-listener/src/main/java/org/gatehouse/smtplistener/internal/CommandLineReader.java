package org.gatehouse.smtplistener.internal;

import java.nio.ByteBuffer;

/**
 * Splits a client's command stream into lines without allocating per line or per byte. A line
 * may hold at most {@value #MAX_LINE} octets including its CRLF (RFC 5321 4.5.3.1.4); the rest
 * of a longer line is discarded and reported once, when its line end arrives, so that the
 * client's next command is read in step again.
 */
final class CommandLineReader {

    /** RFC 5321 command line limit, CRLF included. */
    static final int MAX_LINE = 1000;

    enum Result { NEED_MORE, LINE, TOO_LONG }

    private final byte[] line = new byte[MAX_LINE];
    private int length;
    private int lineLength;
    private boolean overflow;

    /**
     * Consumes input up to and including the next line end. A bare LF ends a command line too
     * (commands are not subject to smuggling; DATA is handled by {@link DataReader}).
     */
    Result read(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (overflow) {
                    overflow = false;
                    length = 0;
                    return Result.TOO_LONG;
                }
                lineLength = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                length = 0;
                return Result.LINE;
            }
            if (overflow) {
                continue;
            }
            // The LF still has to fit: at most MAX_LINE - 1 octets (text and CR) before it.
            if (length == MAX_LINE - 1) {
                overflow = true;
                continue;
            }
            line[length++] = b;
        }
        return Result.NEED_MORE;
    }

    /** The bytes of the last complete line, valid until the next {@link #read}. */
    byte[] bytes() {
        return line;
    }

    /** The length of the last complete line without its CRLF. */
    int length() {
        return lineLength;
    }

    /** Part of a line has arrived and its end has not. */
    boolean partial() {
        return length > 0 || overflow;
    }

    void reset() {
        length = 0;
        overflow = false;
    }
}
