package org.gatehouse.reputation.internal;

import java.util.Map;

/**
 * What the pipeline concluded about one message, read from the annotations the anti-spam
 * ({@code antispam.verdict}: positive, suspected, negative) and anti-virus
 * ({@code antivirus.verdict}: clean, infected, repaired, ...) stages leave. A virus outweighs spam.
 */
public enum MessageOutcome {
    CLEAN, SUSPECTED_SPAM, SPAM, VIRUS;

    static final String ANTISPAM_VERDICT = "antispam.verdict";
    static final String ANTIVIRUS_VERDICT = "antivirus.verdict";

    /** The outcome, or null when neither scanner gave a verdict (skipped by policy, not licensed): nothing to learn. */
    public static MessageOutcome of(Map<String, String> annotations) {
        String spam = annotations.get(ANTISPAM_VERDICT);
        String virus = annotations.get(ANTIVIRUS_VERDICT);
        // "repaired": a virus was sent, the gateway cut it out; the sender is no better for that.
        if ("infected".equals(virus) || "repaired".equals(virus)) {
            return VIRUS;
        }
        if ("positive".equals(spam)) {
            return SPAM;
        }
        if ("suspected".equals(spam)) {
            return SUSPECTED_SPAM;
        }
        // encrypted / unscannable say nothing about the sender; clean mail needs a verdict to count.
        if ("negative".equals(spam) || "clean".equals(virus)) {
            return CLEAN;
        }
        return null;
    }
}
