package org.gatehouse.licensing.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The licensing settings in typed form, read from {@link LicensingConfig} or built directly in
 * tests.
 *
 * @param signers            trusted vendor keys
 * @param evaluationDays     length of the evaluation; 0 for none
 * @param evaluationFeatures features the evaluation covers
 * @param karafFeatures      feature to Karaf feature, where not {@code gatehouse-<feature>}
 * @param warningDays        days before expiry to warn
 */
record Settings(TrustedSigners signers, int evaluationDays, List<String> evaluationFeatures,
        Map<String, String> karafFeatures, List<Integer> warningDays) {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    Settings {
        evaluationFeatures = List.copyOf(evaluationFeatures);
        karafFeatures = Map.copyOf(karafFeatures);
        warningDays = List.copyOf(warningDays);
    }

    static Settings from(LicensingConfig config) {
        return new Settings(trustedKeys(config.trusted_keys()),
                Math.max(0, config.evaluation_days()),
                commaList(config.evaluation_features()),
                featureMap(config.karaf_features()),
                commaList(config.warning_days()).stream().map(Settings::days).toList());
    }

    /**
     * A garbled entry is left out with an error rather than stopping licensing: the keys that
     * are readable keep working, and keys signed by the garbled one are refused as unknown.
     */
    private static TrustedSigners trustedKeys(String[] entries) {
        return TrustedSigners.parse(entries, e -> LOG.error("{}; entry ignored", e.getMessage(), e));
    }

    /** The Karaf feature that a licensed feature unlocks. */
    String karafFeature(String feature) {
        return karafFeatures.getOrDefault(feature, "gatehouse-" + feature);
    }

    static List<String> commaList(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> featureMap(String value) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : commaList(value)) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("karaf.features: expected feature=karaf-feature, got " + entry);
            }
            map.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return map;
    }

    private static int days(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("warning.days: not a number of days: " + value, e);
        }
    }
}
