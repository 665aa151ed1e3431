package org.gatehouse.reputation.internal;

import java.util.List;

/**
 * What one zone said about one host.
 *
 * @param zone    the zone's name
 * @param status  listed, not listed, or no usable answer
 * @param answers the A records of a listing (e.g. {@code 127.0.0.2}), empty otherwise
 * @param score   the score the listing maps to, null when not listed, failed or unmapped
 * @param detail  why it failed, or which answers were not mapped; empty otherwise
 */
public record ZoneAnswer(String zone, Status status, List<String> answers, Double score, String detail) {

    public enum Status { LISTED, NOT_LISTED, FAILED }

    public ZoneAnswer {
        answers = List.copyOf(answers);
    }

    static ZoneAnswer notListed(String zone) {
        return new ZoneAnswer(zone, Status.NOT_LISTED, List.of(), null, "");
    }

    static ZoneAnswer failed(String zone, String why) {
        return new ZoneAnswer(zone, Status.FAILED, List.of(), null, why);
    }

    /** A listing: the answers score what the zone maps them to; several answers take the lowest score. */
    static ZoneAnswer listed(ReputationZone zone, List<String> answers) {
        Double score = null;
        StringBuilder unmapped = new StringBuilder();
        for (String answer : answers) {
            Double s = zone.scoreOf(answer);
            if (s == null) {
                unmapped.append(unmapped.length() == 0 ? "answer not mapped: " : " ").append(answer);
            } else {
                score = score == null ? s : Math.min(score, s);
            }
        }
        return new ZoneAnswer(zone.name(), Status.LISTED, answers, score, unmapped.toString());
    }

    /** {@code listed 127.0.0.2 (-8.5)}, {@code not listed}, {@code failed: timeout}. */
    public String describe() {
        return switch (status) {
            case LISTED -> "listed " + String.join(" ", answers) + " (" + Scores.format(score) + ")"
                    + (detail.isEmpty() ? "" : ", " + detail);
            case NOT_LISTED -> "not listed";
            case FAILED -> "failed: " + detail;
        };
    }
}
