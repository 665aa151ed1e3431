package org.gatehouse.antivirus.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.api.StageResult;

/**
 * What happens to a message for each verdict: deliver, drop, bounce or quarantine (clean and
 * repaired messages are always delivered). Read once from the configuration, so a typo is an
 * error at activation rather than a surprise on the first virus.
 */
final class VerdictActions {

    enum Action { DELIVER, DROP, BOUNCE, QUARANTINE }

    private final Map<ScanVerdict, Action> actions = new EnumMap<>(ScanVerdict.class);
    private final Map<ScanVerdict, String> subjectPrefixes = new EnumMap<>(ScanVerdict.class);
    private final String quarantine;

    VerdictActions(String infected, String encrypted, String unscannable, String quarantine) {
        this(infected, encrypted, unscannable, quarantine, "", "", "");
    }

    VerdictActions(String infected, String encrypted, String unscannable, String quarantine,
                   String infectedPrefix, String encryptedPrefix, String unscannablePrefix) {
        subjectPrefixes.put(ScanVerdict.INFECTED, infectedPrefix == null ? "" : infectedPrefix.trim());
        subjectPrefixes.put(ScanVerdict.ENCRYPTED, encryptedPrefix == null ? "" : encryptedPrefix.trim());
        subjectPrefixes.put(ScanVerdict.UNSCANNABLE, unscannablePrefix == null ? "" : unscannablePrefix.trim());
        actions.put(ScanVerdict.CLEAN, Action.DELIVER);
        actions.put(ScanVerdict.REPAIRED, Action.DELIVER);
        actions.put(ScanVerdict.INFECTED, parse("action.infected", infected));
        actions.put(ScanVerdict.ENCRYPTED, parse("action.encrypted", encrypted));
        actions.put(ScanVerdict.UNSCANNABLE, parse("action.unscannable", unscannable));
        this.quarantine = quarantine;
    }

    static VerdictActions from(AntivirusConfig config) {
        return new VerdictActions(config.action_infected(), config.action_encrypted(), config.action_unscannable(),
                config.quarantine(), config.subject_prefix_infected(), config.subject_prefix_encrypted(),
                config.subject_prefix_unscannable());
    }

    private static Action parse(String key, String value) {
        try {
            return Action.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be deliver, drop, bounce or quarantine, not " + value, e);
        }
    }

    /** Whether the verdict has a subject prefix configured, so the Subject needs reading at all. */
    boolean tagsSubject(ScanVerdict verdict) {
        return !subjectPrefixes.getOrDefault(verdict, "").isEmpty();
    }

    /**
     * The Subject the verdict gives the message, or null to leave it: the prefix, a space, the
     * sender's subject; a subject already carrying the prefix (scanned twice) is left alone.
     */
    String subjectFor(ScanVerdict verdict, String subject) {
        String prefix = subjectPrefixes.getOrDefault(verdict, "");
        if (prefix.isEmpty() || (subject != null && subject.startsWith(prefix))) {
            return null;
        }
        return subject == null || subject.isBlank() ? prefix : prefix + " " + subject;
    }

    Action actionFor(ScanVerdict verdict) {
        return actions.get(verdict);
    }

    StageResult resultFor(ScanResult scan) {
        String reason = "antivirus " + scan.describe();
        return switch (actionFor(scan.verdict())) {
            case DELIVER -> StageResult.proceed();
            case DROP -> StageResult.drop(reason);
            case BOUNCE -> StageResult.bounce(reason);
            case QUARANTINE -> StageResult.quarantine(quarantine, reason);
        };
    }
}
