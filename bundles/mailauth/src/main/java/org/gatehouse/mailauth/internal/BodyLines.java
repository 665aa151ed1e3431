package org.gatehouse.mailauth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/** Streams a body through the body hashes line by line, in 64 KB reads; only one line is held. */
final class BodyLines {

    private BodyLines() {
    }

    static void feed(InputStream body, List<BodyHash> hashes) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        byte[] line = new byte[1024];
        int lineLength = 0;
        boolean open = false;
        int n;
        while ((n = body.read(chunk)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                int end = i;
                if (lineLength == 0 && !open) {
                    int length = end - start;
                    if (length > 0 && chunk[end - 1] == '\r') {
                        length--;
                    }
                    deliver(hashes, chunk, start, length);
                } else {
                    line = append(line, lineLength, chunk, start, end - start);
                    lineLength += end - start;
                    int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
                    deliver(hashes, line, 0, length);
                    lineLength = 0;
                    open = false;
                }
                start = i + 1;
            }
            if (start < n) {
                line = append(line, lineLength, chunk, start, n - start);
                lineLength += n - start;
                open = true;
            }
        }
        if (open && lineLength > 0) {
            deliver(hashes, line, 0, lineLength);
        }
    }

    private static byte[] append(byte[] line, int used, byte[] data, int offset, int length) {
        byte[] target = line;
        if (used + length > target.length) {
            target = Arrays.copyOf(line, Math.max(used + length, line.length * 2));
        }
        System.arraycopy(data, offset, target, used, length);
        return target;
    }

    private static void deliver(List<BodyHash> hashes, byte[] data, int offset, int length) {
        for (BodyHash hash : hashes) {
            hash.line(data, offset, length);
        }
    }
}
