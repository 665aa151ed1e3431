package org.gatehouse.antispam.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The binary layout of a model file (inside gzip): {@code "GHSP"}, the format number, the message
 * totals, the token counts, the journal of learned messages, then (format 2) the bias and the
 * token weights. Counts are varints, weights 32-bit floats, keys 64-bit token hashes.
 */
final class ModelFile {

    static final int MAGIC = 0x47485350; // "GHSP"
    /** 2: token weights of the logistic regression added after the counts. */
    static final int FORMAT = 2;
    private static final int MAX_ENTRIES = 50_000_000;

    private ModelFile() {
    }

    /** Format 1: the counts and journal alone, as Gatehouse wrote them before the token weights. */
    static final int COUNTS_ONLY = 1;

    /**
     * Reads and checks the head and returns the format; a foreign or newer file, or a format-1
     * file where {@code countsOnlyWelcome} is false, gets an error that says what to do.
     */
    static int readHead(DataInputStream in, boolean countsOnlyWelcome) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Gatehouse anti-spam model");
        }
        int format = in.readInt();
        if (format == COUNTS_ONLY && countsOnlyWelcome) {
            return format;
        }
        if (format < FORMAT) {
            throw new IOException("anti-spam model format " + format + " is from an older Gatehouse (this one reads format "
                    + FORMAT + "): delete it to start again from the shipped model, or rebuild it with TrainMain");
        }
        if (format > FORMAT) {
            throw new IOException("anti-spam model format " + format + " is from a newer Gatehouse (this one reads format "
                    + FORMAT + ")");
        }
        return format;
    }

    static void writeCounts(DataOutputStream out, TokenCounts map) throws IOException {
        write(out, map, false);
    }

    static void writeWeights(DataOutputStream out, TokenCounts map) throws IOException {
        write(out, map, true);
    }

    static TokenCounts readCounts(DataInputStream in) throws IOException {
        return read(in, false);
    }

    static TokenCounts readWeights(DataInputStream in) throws IOException {
        return read(in, true);
    }

    private static void write(DataOutputStream out, TokenCounts map, boolean weights) throws IOException {
        out.writeInt(map.size());
        IOException[] failure = new IOException[1];
        map.forEach((key, value) -> {
            if (failure[0] == null) {
                try {
                    out.writeLong(key);
                    if (weights) {
                        out.writeInt((int) (long) value);
                    } else {
                        writeVarint(out, TokenCounts.spam(value));
                        writeVarint(out, TokenCounts.ham(value));
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static TokenCounts read(DataInputStream in, boolean weights) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > MAX_ENTRIES) {
            throw new IOException("corrupt anti-spam model: " + size + " entries");
        }
        TokenCounts map = new TokenCounts(size);
        for (int i = 0; i < size; i++) {
            long key = in.readLong();
            if (weights) {
                map.put(key, in.readInt() & 0xffffffffL);
            } else {
                int spam = readVarint(in);
                int ham = readVarint(in);
                map.put(key, TokenCounts.pack(spam, ham));
            }
        }
        return map;
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("corrupt anti-spam model: bad count");
    }
}
