package org.gatehouse.antispam.internal;

import org.gatehouse.api.StageResult;

/**
 * The per-verdict actions from the configuration, turned into the stage's answer. Negative
 * mail always goes on.
 */
final class VerdictActions {

    private final SpamAction positive;
    private final SpamAction suspected;
    private final String quarantine;

    VerdictActions(SpamAction positive, SpamAction suspected, String quarantine) {
        this.positive = positive;
        this.suspected = suspected;
        this.quarantine = quarantine;
    }

    static VerdictActions from(AntispamConfig config) {
        return new VerdictActions(SpamAction.parse(config.positive_action()), SpamAction.parse(config.suspected_action()),
                config.quarantine() == null || config.quarantine().isBlank() ? "spam" : config.quarantine().trim());
    }

    SpamAction actionFor(SpamVerdict verdict) {
        return switch (verdict) {
            case POSITIVE -> positive;
            case SUSPECTED -> suspected;
            case NEGATIVE -> SpamAction.DELIVER;
        };
    }

    StageResult resultFor(SpamVerdict verdict, String reason) {
        return switch (actionFor(verdict)) {
            case DELIVER -> StageResult.proceed();
            case DROP -> StageResult.drop(reason);
            case BOUNCE -> StageResult.bounce(reason);
            case QUARANTINE -> StageResult.quarantine(quarantine, reason);
        };
    }
}
