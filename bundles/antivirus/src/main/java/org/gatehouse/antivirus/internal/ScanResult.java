package org.gatehouse.antivirus.internal;

/**
 * What a scan found.
 *
 * @param verdict   the verdict
 * @param signature the signature that matched for {@link ScanVerdict#INFECTED}, else null
 * @param detail    where or why, in words: the part or archive member that matched, the limit
 *                  that made it unscannable, the encrypted member; empty when clean
 */
public record ScanResult(ScanVerdict verdict, String signature, String detail) {

    public static ScanResult clean() {
        return new ScanResult(ScanVerdict.CLEAN, null, "");
    }

    public static ScanResult infected(String signature, String where) {
        return new ScanResult(ScanVerdict.INFECTED, signature, where);
    }

    public static ScanResult unscannable(String why) {
        return new ScanResult(ScanVerdict.UNSCANNABLE, null, why);
    }

    public static ScanResult encrypted(String what) {
        return new ScanResult(ScanVerdict.ENCRYPTED, null, what);
    }

    /** One line for the console and the command-line tool, e.g. {@code infected Eicar-Test-Signature (a.zip/x.com)}. */
    public String describe() {
        StringBuilder s = new StringBuilder(verdict.label());
        if (signature != null) {
            s.append(' ').append(signature);
        }
        if (detail != null && !detail.isEmpty()) {
            s.append(" (").append(detail).append(')');
        }
        return s.toString();
    }
}
