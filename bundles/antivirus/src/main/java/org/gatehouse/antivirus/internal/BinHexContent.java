package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * BinHex 4.0 (classic Mac attachments): six-bit text between colons after the
 * "(This file must be converted with BinHex 4.0)" line, then run-length expansion, then a header
 * with the file name and the lengths of the data and resource forks, which become members.
 * Run-length expansion is bounded by the size the header declares, so it cannot be a bomb.
 */
final class BinHexContent implements Unpacker {

    static final String MARKER = "(This file must be converted with BinHex";
    static final String ALPHABET = "!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";
    private static final int RUN = 0x90;

    @Override
    public boolean accepts(ScannedObject object) {
        return object.looksLikeText() && object.contains(MARKER);
    }

    @Override
    public void unpack(ScannedObject object, Members members) throws IOException {
        int marker = object.indexOf(MARKER, 0);
        int open = object.indexOf(":", marker);
        if (open < 0) {
            throw new IOException("BinHex data has no opening colon");
        }
        byte[] bytes = expandRuns(sixBitDecode(object.data(), open + 1), maxExpanded(object));
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int nameLength = in.get() & 0xFF;
            byte[] nameBytes = new byte[nameLength];
            in.get(nameBytes);
            String name = new String(nameBytes, StandardCharsets.ISO_8859_1);
            in.position(in.position() + 1 + 4 + 4 + 2);
            int dataLength = in.getInt();
            int resourceLength = in.getInt();
            in.getShort();
            if (dataLength < 0 || resourceLength < 0 || dataLength > in.remaining()) {
                throw new IOException("BinHex fork lengths do not fit the data");
            }
            members.add(name, new ByteArrayInputStream(bytes, in.position(), dataLength), -1);
            in.position(in.position() + dataLength + 2);
            if (resourceLength > 0 && resourceLength <= in.remaining()) {
                members.add(name + " (resource fork)", new ByteArrayInputStream(bytes, in.position(), resourceLength), -1);
            }
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("BinHex header cut short", e);
        }
    }

    /** Runs can only repeat bytes up to 255 times each: the output is bounded from the input. */
    private static int maxExpanded(ScannedObject object) {
        return (int) Math.min(Integer.MAX_VALUE - 8, (long) object.data().length * 3 / 4 * 128 + 1024);
    }

    static byte[] sixBitDecode(byte[] data, int from) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bits = 0;
        int count = 0;
        for (int i = from; i < data.length; i++) {
            char c = (char) (data[i] & 0xFF);
            if (c == ':') {
                return out.toByteArray();
            }
            int v = ALPHABET.indexOf(c);
            if (v < 0) {
                if (Character.isWhitespace(c)) {
                    continue;
                }
                throw new IOException("BinHex data has a character outside its alphabet: " + (int) c);
            }
            bits = bits << 6 | v;
            count += 6;
            if (count >= 8) {
                count -= 8;
                out.write(bits >> count & 0xFF);
            }
        }
        throw new IOException("BinHex data has no closing colon");
    }

    static byte[] expandRuns(byte[] in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int last = -1;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xFF;
            if (b == RUN && i + 1 < in.length) {
                int n = in[++i] & 0xFF;
                if (n == 0) {
                    out.write(RUN);
                    last = RUN;
                } else {
                    for (int k = 1; k < n && last >= 0; k++) {
                        out.write(last);
                    }
                }
            } else {
                out.write(b);
                last = b;
            }
            if (out.size() > max) {
                throw new IOException("BinHex run-length data expands beyond " + max + " bytes");
            }
        }
        return out.toByteArray();
    }
}
