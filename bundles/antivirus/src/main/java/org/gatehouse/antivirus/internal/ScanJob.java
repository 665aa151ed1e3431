package org.gatehouse.antivirus.internal;

import java.io.ByteArrayOutputStream;
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
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            read(content, -1, out);
            byte[] data = out.toByteArray();
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

    /** Reads a member within the limits; a read error keeps what came before it and is rethrown. */
    private void read(InputStream in, long packedSize, ByteArrayOutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        long total = 0;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            budget.charge(n);
            budget.checkRatio(total, packedSize);
            budget.checkTime();
            out.write(buffer, 0, n);
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
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            IOException damage = null;
            try {
                read(content, packedSize, out);
            } catch (IOException e) {
                // Scan what could be read (a signature there still counts), then report the damage.
                damage = e;
            }
            ScanResult r = scan(new ScannedObject(parent.path() + "/" + name, name, out.toByteArray(), parent.depth() + 1));
            if (r != null) {
                throw new MemberInfected(r);
            }
            if (damage != null) {
                throw damage;
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
