package org.gatehouse.antivirus.internal;

/** The anti-virus verdicts admins know (REFERENCE section 5), with the words the mail log uses. */
public enum ScanVerdict {
    CLEAN("clean", "negative"),
    /** Never given by a scan: the stage's strip action turns an infected message into a repaired one. */
    REPAIRED("repaired", "repaired"),
    ENCRYPTED("encrypted", "encrypted"),
    UNSCANNABLE("unscannable", "unscannable"),
    INFECTED("infected", "positive");

    private final String label;
    private final String logWord;

    ScanVerdict(String label, String logWord) {
        this.label = label;
        this.logWord = logWord;
    }

    /** The verdict's name in configuration keys, headers and the console. */
    public String label() {
        return label;
    }

    /** The word in {@code MID 6 antivirus positive ...}. */
    public String logWord() {
        return logWord;
    }
}
