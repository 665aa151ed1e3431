package org.gatehouse.antispam.internal;

import org.gatehouse.api.Connection;

/**
 * What the connection's mail flow policy chose for this message: an engine and thresholds
 * (policy keys {@code antispam.engine}, {@code antispam.positive.threshold},
 * {@code antispam.suspected.threshold}); the stage's config fills in what the policy leaves out.
 *
 * @param engine     the engine's name, or null for the configured one
 * @param thresholds in force for this message
 */
record PolicyChoice(String engine, Thresholds thresholds) {

    static PolicyChoice of(Connection connection, Thresholds configured) {
        if (connection == null) {
            return new PolicyChoice(null, configured);
        }
        int positive = number(connection.stageSetting("antispam", "positive.threshold"), configured.positive());
        int suspected = number(connection.stageSetting("antispam", "suspected.threshold"), configured.suspected());
        // A policy that only raises or lowers one threshold keeps the pair consistent: suspected never above positive.
        return new PolicyChoice(connection.stageSetting("antispam", "engine"),
                new Thresholds(positive, Math.min(suspected, positive)));
    }

    private static int number(String text, int otherwise) {
        return text == null ? otherwise : Integer.parseInt(text.trim());
    }
}
