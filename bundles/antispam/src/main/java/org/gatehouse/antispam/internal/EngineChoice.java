package org.gatehouse.antispam.internal;

import java.util.Locale;

/** Builds the engine the {@code engine} key names: embedded, spamd or rspamd. */
final class EngineChoice {

    private EngineChoice() {
    }

    static SpamEngine create(AntispamConfig config, Thresholds thresholds, EmbeddedEngine embedded) {
        String engine = config.engine() == null ? "embedded" : config.engine().trim().toLowerCase(Locale.ROOT);
        return switch (engine) {
            case "embedded", "" -> embedded;
            case "spamd" -> new SpamdEngine(config.spamd_host(), config.spamd_port(), config.engine_timeout_ms(),
                    new ScoreScale(config.spamd_suspected_points(), config.spamd_positive_points(), thresholds));
            case "rspamd" -> new RspamdEngine(config.rspamd_url(), config.engine_timeout_ms(),
                    new ScoreScale(config.rspamd_suspected_points(), config.rspamd_positive_points(), thresholds));
            default -> throw new IllegalArgumentException("engine must be embedded, spamd or rspamd, not " + engine);
        };
    }
}
