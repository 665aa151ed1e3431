package org.gatehouse.antivirus.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.gatehouse.api.StageResult;

/**
 * What happens to a message for each verdict: deliver, drop, bounce, quarantine, strip the
 * infected parts (infected only) or deliver it as an attachment to a notice (clean and repaired
 * messages are always delivered). Read once from the configuration, so a typo is an error at
 * activation rather than a surprise on the first virus; a mail flow policy may override the
 * actions per message ({@link #forPolicy}).
 */
final class VerdictActions {

    enum Action {
        DELIVER, DROP, BOUNCE, QUARANTINE, STRIP, NOTICE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String INFECTED = "action.infected";
    static final String ENCRYPTED = "action.encrypted";
    static final String UNSCANNABLE = "action.unscannable";
    static final String UNREPAIRABLE = "action.unrepairable";

    private final Map<ScanVerdict, Action> actions;
    private final Action unrepairable;
    private final Map<ScanVerdict, String> subjectPrefixes;
    private final String quarantine;
    private final boolean noticeForInfected;

    VerdictActions(String infected, String encrypted, String unscannable, String quarantine) {
        this(infected, encrypted, unscannable, quarantine, "", "", "");
    }

    VerdictActions(String infected, String encrypted, String unscannable, String quarantine,
                   String infectedPrefix, String encryptedPrefix, String unscannablePrefix) {
        this(builder().infected(infected).encrypted(encrypted).unscannable(unscannable).quarantine(quarantine)
                .prefix(ScanVerdict.INFECTED, infectedPrefix).prefix(ScanVerdict.ENCRYPTED, encryptedPrefix)
                .prefix(ScanVerdict.UNSCANNABLE, unscannablePrefix));
    }

    private VerdictActions(Builder b) {
        this.noticeForInfected = b.noticeForInfected;
        this.quarantine = b.quarantine;
        this.subjectPrefixes = new EnumMap<>(b.prefixes);
        this.actions = new EnumMap<>(ScanVerdict.class);
        actions.put(ScanVerdict.CLEAN, Action.DELIVER);
        actions.put(ScanVerdict.REPAIRED, Action.DELIVER);
        actions.put(ScanVerdict.INFECTED, parse(INFECTED, b.infected, true));
        actions.put(ScanVerdict.ENCRYPTED, parse(ENCRYPTED, b.encrypted, false));
        actions.put(ScanVerdict.UNSCANNABLE, parse(UNSCANNABLE, b.unscannable, false));
        this.unrepairable = parse(UNREPAIRABLE, b.unrepairable, false);
        if (!noticeForInfected && (actions.get(ScanVerdict.INFECTED) == Action.NOTICE || unrepairable == Action.NOTICE)) {
            throw new IllegalArgumentException("notice for infected messages attaches a known virus: it needs "
                    + "notice.infected.allowed = true");
        }
    }

    static Builder builder() {
        return new Builder();
    }

    static VerdictActions from(AntivirusConfig config) {
        return builder().infected(config.action_infected()).encrypted(config.action_encrypted())
                .unscannable(config.action_unscannable()).unrepairable(config.action_unrepairable())
                .quarantine(config.quarantine()).noticeForInfected(config.notice_infected_allowed())
                .prefix(ScanVerdict.INFECTED, config.subject_prefix_infected())
                .prefix(ScanVerdict.ENCRYPTED, config.subject_prefix_encrypted())
                .prefix(ScanVerdict.UNSCANNABLE, config.subject_prefix_unscannable())
                .prefix(ScanVerdict.REPAIRED, config.subject_prefix_repaired()).build();
    }

    /**
     * The actions under a mail flow policy: its {@code action.*} settings (null or blank: unset)
     * replace the configured ones. A policy cannot allow what the configuration refuses (notice
     * for infected mail); such a setting is an error, and the message waits (on.error).
     */
    VerdictActions forPolicy(UnaryOperator<String> setting) {
        String infected = setting.apply(INFECTED);
        String encrypted = setting.apply(ENCRYPTED);
        String unscannable = setting.apply(UNSCANNABLE);
        String unrepairableSetting = setting.apply(UNREPAIRABLE);
        if (blank(infected) && blank(encrypted) && blank(unscannable) && blank(unrepairableSetting)) {
            return this;
        }
        Builder b = builder().quarantine(quarantine).noticeForInfected(noticeForInfected)
                .infected(blank(infected) ? actions.get(ScanVerdict.INFECTED).label() : infected)
                .encrypted(blank(encrypted) ? actions.get(ScanVerdict.ENCRYPTED).label() : encrypted)
                .unscannable(blank(unscannable) ? actions.get(ScanVerdict.UNSCANNABLE).label() : unscannable)
                .unrepairable(blank(unrepairableSetting) ? unrepairable.label() : unrepairableSetting);
        b.prefixes.putAll(subjectPrefixes);
        return new VerdictActions(b);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Action parse(String key, String value, boolean stripAllowed) {
        Action action;
        try {
            action = Action.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be " + choices(stripAllowed) + ", not " + value, e);
        }
        if (action == Action.STRIP && !stripAllowed) {
            throw new IllegalArgumentException(key + " must be " + choices(false) + ", not strip (only infected parts are stripped)");
        }
        return action;
    }

    private static String choices(boolean strip) {
        return "deliver, drop, bounce, quarantine, " + (strip ? "strip, " : "") + "or notice";
    }

    /** Whether the verdict has a subject prefix configured, so the Subject needs reading at all. */
    boolean tagsSubject(ScanVerdict verdict) {
        return !subjectPrefixes.getOrDefault(verdict, "").isEmpty();
    }

    /** The verdict's Subject prefix, or empty. */
    String prefix(ScanVerdict verdict) {
        return subjectPrefixes.getOrDefault(verdict, "");
    }

    /**
     * The Subject the verdict gives the message, or null to leave it: the prefix, a space, the
     * sender's subject; a subject already carrying the prefix (scanned twice) is left alone.
     */
    String subjectFor(ScanVerdict verdict, String subject) {
        String prefix = prefix(verdict);
        if (prefix.isEmpty() || (subject != null && subject.startsWith(prefix))) {
            return null;
        }
        return subject == null || subject.isBlank() ? prefix : prefix + " " + subject;
    }

    Action actionFor(ScanVerdict verdict) {
        return actions.get(verdict);
    }

    /** What happens to an infected message that strip could not repair. */
    Action unrepairable() {
        return unrepairable;
    }

    /** The pipeline's answer for an action that leaves the content as it is (strip and notice rewrite it, then go on). */
    StageResult resultFor(Action action, ScanResult scan) {
        String reason = "antivirus " + scan.describe();
        return switch (action) {
            case DELIVER, STRIP, NOTICE -> StageResult.proceed();
            case DROP -> StageResult.drop(reason);
            case BOUNCE -> StageResult.bounce(reason);
            case QUARANTINE -> StageResult.quarantine(quarantine, reason);
        };
    }

    /** The choices as written in the configuration, before they are checked. */
    static final class Builder {
        private String infected = "quarantine";
        private String encrypted = "deliver";
        private String unscannable = "quarantine";
        private String unrepairable = "quarantine";
        private String quarantine = "virus";
        private boolean noticeForInfected;
        private final Map<ScanVerdict, String> prefixes = new EnumMap<>(ScanVerdict.class);

        Builder infected(String action) {
            this.infected = action;
            return this;
        }

        Builder encrypted(String action) {
            this.encrypted = action;
            return this;
        }

        Builder unscannable(String action) {
            this.unscannable = action;
            return this;
        }

        Builder unrepairable(String action) {
            this.unrepairable = action;
            return this;
        }

        Builder quarantine(String name) {
            this.quarantine = name;
            return this;
        }

        Builder noticeForInfected(boolean allowed) {
            this.noticeForInfected = allowed;
            return this;
        }

        Builder prefix(ScanVerdict verdict, String prefix) {
            prefixes.put(verdict, prefix == null ? "" : prefix.trim());
            return this;
        }

        VerdictActions build() {
            return new VerdictActions(this);
        }
    }
}
