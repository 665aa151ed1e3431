package org.gatehouse.reputation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One DNS reputation zone and what its answers mean: {@code sbrs.example.net 127.0.0.2=-8.5
 * 127.0.0.10=+3}. An answer the admin did not map scores {@code *=...} when given, else nothing.
 *
 * @param name    the zone, without a trailing dot
 * @param scores  answer address (as text) to score, in the admin's order
 * @param otherwise score for any other answer, or null
 */
public record ReputationZone(String name, Map<String, Double> scores, Double otherwise) {

    public ReputationZone {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** The score of one answer address, or null when the zone's answers do not map it. */
    public Double scoreOf(String answer) {
        Double score = scores.get(answer);
        return score != null ? score : otherwise;
    }

    /** Parses the {@code zones} setting: each value one zone, or several separated by commas. */
    public static List<ReputationZone> parseAll(String[] values) {
        return texts(values).stream().map(ReputationZone::parse).toList();
    }

    /**
     * Parses the {@code zones} setting leniently: a zone with a mistake is left out and its error
     * added to {@code errors}, so one typo does not take the other zones (and the history stage,
     * which the work queue waits for) down with it.
     */
    public static List<ReputationZone> parseValid(String[] values, List<String> errors) {
        List<ReputationZone> zones = new ArrayList<>();
        for (String one : texts(values)) {
            try {
                zones.add(parse(one));
            } catch (IllegalArgumentException e) {
                errors.add("zone ignored: " + e.getMessage());
            }
        }
        return List.copyOf(zones);
    }

    /** The zones' texts in the setting: each value one zone, or several separated by commas; blanks dropped. */
    private static List<String> texts(String[] values) {
        List<String> texts = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String one : value.split(",")) {
                if (!one.isBlank()) {
                    texts.add(one);
                }
            }
        }
        return texts;
    }

    /** Parses one zone: its name, then {@code answer=score} pairs. */
    public static ReputationZone parse(String text) {
        String[] words = text.trim().split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.contains("=")) {
            throw new IllegalArgumentException("a reputation zone starts with its name: " + text.trim());
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Double otherwise = null;
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected answer=score in zone " + name + ", not " + words[i]);
            }
            String answer = words[i].substring(0, eq);
            double score = parseScore(name, words[i].substring(eq + 1));
            if (answer.equals("*")) {
                otherwise = score;
            } else {
                scores.put(IpAddresses.literal(answer).getHostAddress(), score);
            }
        }
        if (scores.isEmpty() && otherwise == null) {
            throw new IllegalArgumentException("zone " + name + " maps no answer to a score");
        }
        return new ReputationZone(name, scores, otherwise);
    }

    private static double parseScore(String zone, String text) {
        double score;
        try {
            score = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score in zone " + zone + " is not a number: " + text, e);
        }
        if (!(score >= -10 && score <= 10)) {
            throw new IllegalArgumentException("score in zone " + zone + " must be -10..+10, not " + text);
        }
        return score;
    }

    /** The setting's text for this zone, as the console shows it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        scores.forEach((answer, score) -> text.append(' ').append(answer).append('=').append(Scores.format(score)));
        if (otherwise != null) {
            text.append(" *=").append(Scores.format(otherwise));
        }
        return text.toString();
    }
}
