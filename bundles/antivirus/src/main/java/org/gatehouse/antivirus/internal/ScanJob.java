package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One scan of one message or file: walks the object tree depth first, matching each object's
 * bytes (raw first, then what it decodes or unpacks to) until a signature hits or a limit ends
 * it. Precedence of the outcome: infected, then unscannable, then encrypted, then clean.
 */
final class ScanJob {

    private static final int CHUNK = 64 * 1024;
    private static final int FIRST_BUFFER = 8 * 1024;

    private final SignatureDatabase database;
    private final List<Unpacker> unpackers;
    private final ScanBudget budget;
    private String unscannable;
    private String encrypted;

    ScanJob(SignatureDatabase database, List<Unpacker> unpackers, ScanBudget budget) {
        this.database = database;
        this.unpackers = unpackers;
        this.budget = budget;
    }

    ScanResult run(String name, InputStream content) {
        try {
            byte[] data = read(content, -1, new Filled());
            ScanResult hit = scan(new ScannedObject(name, name, data, 0));
            if (hit != null) {
                return hit;
            }
        } catch (UnscannableException e) {
            return ScanResult.unscannable(e.getMessage());
        } catch (IOException e) {
            return ScanResult.unscannable("cannot read " + name + ": " + e.getMessage());
        }
        if (unscannable != null) {
            return ScanResult.unscannable(unscannable);
        }
        return encrypted != null ? ScanResult.encrypted(encrypted) : ScanResult.clean();
    }

    /** Returns the infected result, or null when nothing matched in this object and below. */
    private ScanResult scan(ScannedObject object) {
        budget.enter(object.depth());
        String signature = database.match(object.data(), object.data().length);
        if (signature != null) {
            return ScanResult.infected(signature, object.path());
        }
        for (Unpacker unpacker : unpackers) {
            if (unpacker.accepts(object)) {
                try {
                    unpacker.unpack(object, new Walker(object));
                } catch (IOException e) {
                    noteUnscannable(object.path() + ": damaged or unsupported (" + e.getMessage() + ")");
                } catch (MemberInfected e) {
                    return e.result;
                }
                return null;
            }
        }
        return null;
    }

    private void noteUnscannable(String why) {
        if (unscannable == null) {
            unscannable = why;
        }
    }

    /**
     * Reads a member within the limits straight into one growing array (no chunk buffer, no
     * stream copies); a read error keeps what came before it in {@code filled} and is rethrown.
     */
    private byte[] read(InputStream in, long packedSize, Filled filled) throws IOException {
        byte[] buffer = new byte[Math.max(FIRST_BUFFER, Math.min(in.available(), CHUNK * 16))];
        int size = 0;
        int n;
        try {
            while (true) {
                if (size == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, grow(buffer.length));
                }
                n = in.read(buffer, size, Math.min(buffer.length - size, CHUNK));
                if (n <= 0) {
                    // As before: a stream that hands back nothing is at its end.
                    break;
                }
                size += n;
                budget.charge(n);
                budget.checkRatio(size, packedSize);
                budget.checkTime();
            }
        } finally {
            filled.buffer = buffer;
            filled.size = size;
        }
        return filled.bytes();
    }

    private static int grow(int length) {
        if (length >= Integer.MAX_VALUE - 8) {
            throw new UnscannableException("an object larger than 2 GB");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, length * 2L);
    }

    /** What a read got so far: kept when the read fails half way, to scan what came before. */
    private static final class Filled {
        private byte[] buffer = new byte[0];
        private int size;

        byte[] bytes() {
            return size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size);
        }
    }

    /** Carries an infected member's result out through the unpacker, which stops at once. */
    private static final class MemberInfected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ScanResult result;

        MemberInfected(ScanResult result) {
            super(result.signature(), null, false, false);
            this.result = result;
        }
    }

    private final class Walker implements Members {
        private final ScannedObject parent;

        Walker(ScannedObject parent) {
            this.parent = parent;
        }

        @Override
        public void add(String name, InputStream content, long packedSize) throws IOException {
            Filled filled = new Filled();
            IOException damage = null;
            try {
                read(content, packedSize, filled);
            } catch (IOException e) {
                // Scan what could be read (a signature there still counts), then report the damage.
                damage = e;
            }
            scanMember(name, filled.bytes());
            if (damage != null) {
                throw damage;
            }
        }

        @Override
        public void add(String name, byte[] content) {
            budget.charge(content.length);
            budget.checkTime();
            scanMember(name, content);
        }

        private void scanMember(String name, byte[] data) {
            ScanResult r = scan(new ScannedObject(parent.path() + "/" + name, name, data, parent.depth() + 1));
            if (r != null) {
                throw new MemberInfected(r);
            }
        }

        @Override
        public void encrypted(String name) {
            if (encrypted == null) {
                encrypted = parent.path() + "/" + name + " is password-protected";
            }
        }

        @Override
        public void unreadable(String name, String why) {
            noteUnscannable(parent.path() + "/" + name + ": " + why);
        }
    }
}
