package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTest {

    @Test
    void thresholdsTurnScoresIntoVerdicts() {
        Thresholds t = new Thresholds(90, 50);
        assertEquals(SpamVerdict.NEGATIVE, t.verdict(49));
        assertEquals(SpamVerdict.SUSPECTED, t.verdict(50));
        assertEquals(SpamVerdict.SUSPECTED, t.verdict(89));
        assertEquals(SpamVerdict.POSITIVE, t.verdict(90));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(100, 50));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(80, 85));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(80, 20));
    }

    @Test
    void externalEnginePointsLandOnTheAdminsThresholds() {
        ScoreScale sa = new ScoreScale(5, 10, new Thresholds(90, 50));
        assertEquals(0, sa.toScore(-3));
        assertEquals(49, sa.toScore(4.99));
        assertEquals(50, sa.toScore(5.0));
        assertEquals(90, sa.toScore(10));
        assertEquals(100, sa.toScore(40));
        ScoreScale strict = new ScoreScale(5, 10, new Thresholds(70, 30));
        assertEquals(30, strict.toScore(5.0));
        assertEquals(70, strict.toScore(10));
    }

    @Test
    void rulesAddTheirPointsAndAdminsCanChangeOrSilenceThem() {
        ParsedMail spam = Fixtures.parse("spam-html.eml");
        List<String> hits = RuleSet.defaults().hits(spam).stream().map(Rule::name).toList();
        assertTrue(hits.containsAll(List.of("URI_NUMERIC_HOST", "HTML_ONLY", "HTML_HIDDEN_TEXT", "SUBJ_ALL_CAPS",
                "TO_UNDISCLOSED", "PRIORITY_HIGH", "SALES_TALK", "BASE64_TEXT", "MESSAGE_ID_MALFORMED")), hits.toString());
        RuleSet tuned = new RuleSet(RulePoints.parse("html_only=0, URI_NUMERIC_HOST=33"));
        List<Rule> tunedHits = tuned.hits(spam);
        assertFalse(tunedHits.stream().anyMatch(r -> r.name().equals("HTML_ONLY")));
        assertEquals(33, tunedHits.stream().filter(r -> r.name().equals("URI_NUMERIC_HOST")).findFirst().orElseThrow().points());
        assertThrows(IllegalArgumentException.class, () -> RulePoints.parse("HTML_ONLY"));
        List<String> hamHits = RuleSet.defaults().hits(Fixtures.parse("ham-plain.eml")).stream().map(Rule::name).toList();
        assertEquals(List.of("IN_REPLY", "KNOWN_MAIL_CLIENT"), hamHits);
        assertTrue(RuleSet.defaults().hits(Fixtures.parse("multipart-attachment.eml")).stream()
                .anyMatch(r -> r.name().equals("ATTACHMENT_EXECUTABLE")));
    }

    @Test
    void theEngineLearnsAndThenSeparatesSpamFromHam() throws IOException {
        EmbeddedEngine engine = new EmbeddedEngine(new SpamModel(), RuleSet.defaults(), new SenderReputation(3));
        String[] topics = {"release", "budget", "parser", "meeting", "backup", "roadmap"};
        for (int i = 0; i < 30; i++) {
            engine.learn(Fixtures.stream(Fixtures.spam(i)), true);
            engine.learn(Fixtures.stream(Fixtures.ham(i, topics[i % topics.length])), false);
        }
        SpamScore spam = engine.check(Fixtures.stream(Fixtures.spam(100)), MessageFacts.none());
        SpamScore ham = engine.check(Fixtures.stream(Fixtures.ham(100, "parser")), MessageFacts.none());
        Thresholds t = Thresholds.DEFAULT;
        assertEquals(SpamVerdict.POSITIVE, t.verdict(spam.score()), spam.toString());
        assertEquals(SpamVerdict.NEGATIVE, t.verdict(ham.score()), ham.toString());
        assertTrue(spam.rules().get(0).startsWith("BAYES_9"), spam.rules().toString());
        assertTrue(ham.rules().contains("BAYES_00"), ham.rules().toString());
    }

    @Test
    void aPoorSenderReputationRaisesTheScoreAndNoneLeavesItAlone() throws IOException {
        EmbeddedEngine engine = new EmbeddedEngine(new SpamModel(), RuleSet.defaults(), new SenderReputation(3));
        MessageFacts poor = new MessageFacts("203.0.113.9", "x", "", "a@b.example", List.of("c@d.example"), -8.0);
        SpamScore none = engine.check(Fixtures.open("ham-plain.eml"), MessageFacts.none());
        SpamScore bad = engine.check(Fixtures.open("ham-plain.eml"), poor);
        assertEquals(0, none.score());
        assertEquals(24 - 16, bad.score(), bad.toString());
        assertTrue(bad.rules().contains("SBRS_POOR"));
        assertEquals(0, new SenderReputation(0).points(-10.0));
        assertEquals(-30, new SenderReputation(3).points(10.0));
    }

    @Test
    void scanLinesAreJson() {
        String line = ScanLine.of("a \"b\".eml", new SpamScore(97, List.of("BAYES_99", "HTML_ONLY")), SpamVerdict.POSITIVE);
        assertEquals("{\"file\":\"a \\\"b\\\".eml\",\"score\":97,\"verdict\":\"positive\",\"rules\":[\"BAYES_99\",\"HTML_ONLY\"]}", line);
        assertEquals(Map.of("file", "x", "error", "bad\n"), asMap(ScanLine.error("x", "bad\n")));
    }

    private static Object asMap(String json) {
        try {
            return Json.parse(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
