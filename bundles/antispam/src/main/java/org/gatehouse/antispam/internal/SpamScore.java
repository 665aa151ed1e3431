package org.gatehouse.antispam.internal;

import java.util.List;

/**
 * An engine's answer for one message.
 *
 * @param score 0 (surely ham) to 100 (surely spam)
 * @param rules what it saw, most telling first (rule or symbol names)
 */
record SpamScore(int score, List<String> rules) {

    SpamScore {
        score = Math.max(0, Math.min(100, score));
        rules = List.copyOf(rules);
    }
}
