package org.gatehouse.antispam.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the engines the {@code engine} key (or a mail flow policy) may name: embedded, spamd or rspamd. */
final class EngineChoice {

    private static final List<String> NAMES = List.of("embedded", "spamd", "rspamd");

    private EngineChoice() {
    }

    /** Every engine by name, so each policy can use its own; the adapters connect only when asked to score. */
    static Map<String, SpamEngine> all(AntispamConfig config, Thresholds thresholds, EmbeddedEngine embedded) {
        Map<String, SpamEngine> engines = new LinkedHashMap<>();
        for (String name : NAMES) {
            engines.put(name, create(name, config, thresholds, embedded));
        }
        return engines;
    }

    /** An engine name as config or a policy writes it, checked; empty means embedded. */
    static String name(String text) {
        String engine = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (engine.isEmpty()) {
            return "embedded";
        }
        if (!NAMES.contains(engine)) {
            throw new IllegalArgumentException("engine must be embedded, spamd or rspamd, not " + engine);
        }
        return engine;
    }

    static SpamEngine create(String engine, AntispamConfig config, Thresholds thresholds, EmbeddedEngine embedded) {
        return switch (engine) {
            case "embedded" -> embedded;
            case "spamd" -> new SpamdEngine(config.spamd_host(), config.spamd_port(), config.engine_timeout_ms(),
                    new ScoreScale(config.spamd_suspected_points(), config.spamd_positive_points(), thresholds));
            case "rspamd" -> new RspamdEngine(config.rspamd_url(), config.engine_timeout_ms(),
                    new ScoreScale(config.rspamd_suspected_points(), config.rspamd_positive_points(), thresholds));
            default -> throw new IllegalArgumentException("engine must be embedded, spamd or rspamd, not " + engine);
        };
    }
}
