package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The classifier's probability enters the score in SpamAssassin-like bands, not linearly. */
class CalibrationTest {

    private static final String[] TOPICS = {"release", "budget", "parser", "meeting", "backup", "roadmap"};

    @Test
    void unsureStaysNegativeConfidentHamSubtractsConfidentSpamIsPositiveAlone() {
        Thresholds t = Thresholds.DEFAULT;
        for (double unsure = 0.40; unsure < 0.61; unsure += 0.02) {
            assertEquals(SpamVerdict.NEGATIVE, t.verdict(new Statistics(unsure, 0).points()), "p=" + unsure);
        }
        assertTrue(new Statistics(0.001, -5).points() < 0, "confident ham takes points away");
        assertEquals("BAYES_00", new Statistics(0.001, -5).band());
        assertEquals("BAYES_50", new Statistics(0.55, 0).band());
        assertEquals("BAYES_999", new Statistics(0.99999, 8).band());
        assertEquals(SpamVerdict.POSITIVE, t.verdict(new Statistics(0.99999, 8).points()), "confident spam alone is positive");
        assertEquals(SpamVerdict.NEGATIVE, t.verdict(new Statistics(0.99999, -8).points()),
                "the token weights can overrule a confident chi-square");
        double previous = -1000;
        for (double logOdds = -40; logOdds <= 40; logOdds += 0.01) {
            assertTrue(Statistics.points(logOdds) >= previous, "points never fall as the log-odds rise: " + logOdds);
            previous = Statistics.points(logOdds);
        }
        assertEquals(Statistics.MIN_POINTS, Statistics.points(-1000));
        assertEquals(Statistics.MAX_POINTS, Statistics.points(1000));
    }

    @Test
    void anUnsureMessageWithoutRulesIsNegative() throws IOException {
        // A model that knows none of the message's tokens: the classifier is unsure (0.5).
        SpamModel model = new SpamModel();
        for (int i = 0; i < 10; i++) {
            model.learn(Set.of("offer" + i, "pills"), true);
            model.learn(Set.of("minutes" + i, "agenda"), false);
        }
        EmbeddedEngine engine = new EmbeddedEngine(model, RuleSet.defaults(), new SenderReputation(3));
        String business = "From: Office Desk <desk@freight.example>\nTo: buyer@example.com\n"
                + "Subject: Pallet quotation\nDate: Mon, 3 Mar 2025 09:00:00 +0100\nMessage-ID: <u1@freight.example>\n\n"
                + "Quotation attached below regarding galvanised racks, warehouse delivery, Lyon depot.\n";
        SpamScore score = engine.check(Fixtures.stream(business), MessageFacts.none());
        assertEquals(List.of("BAYES_50"), score.rules(), "unsure and no rule hits");
        assertEquals(SpamVerdict.NEGATIVE, Thresholds.DEFAULT.verdict(score.score()), score.toString());
        assertTrue(score.score() < Thresholds.DEFAULT.suspected() - 10, "unsure stays well below suspected: " + score);
    }

    @Test
    void confidentSpamIsPositive() throws IOException {
        SpamScore spam = trained().check(Fixtures.stream(Fixtures.spam(200)), MessageFacts.none());
        assertEquals("BAYES_999", spam.rules().get(0), spam.toString());
        assertEquals(SpamVerdict.POSITIVE, Thresholds.DEFAULT.verdict(spam.score()), spam.toString());
    }

    @Test
    void aBusinessMailThatIsNoReplyIsNeverPositiveWithTheShippedModelAndOneHamReportClearsIt() throws IOException {
        EmbeddedEngine engine = new EmbeddedEngine(ShippedModel.load(), RuleSet.defaults(), new SenderReputation(3));
        SpamScore score = engine.check(Fixtures.open("ham-business.eml"), MessageFacts.none());
        // A short business mail with dollar prices and no mail client looks like 2002's spam to
        // the shipped model (the corpus it was trained on): before the banded mapping it scored 97
        // (positive), with the bands 49, with the token weights 57 (suspected: delivered, tagged).
        assertTrue(score.score() < Thresholds.DEFAULT.positive(), score.toString());
        engine.learn(Fixtures.open("ham-business.eml"), false);
        SpamScore learned = engine.check(Fixtures.open("ham-business.eml"), MessageFacts.none());
        assertEquals(SpamVerdict.NEGATIVE, Thresholds.DEFAULT.verdict(learned.score()), "after one ham report: " + learned);
    }

    @Test
    void theFastPhraseAndLinkSearchesFindWhatTheRegularExpressionsFind() {
        String text = "Click HERE to unsubscribe!! xclick here, _opt-out opt out OPTIN 100% free $5 earn $ refinancing"
                + " guaranteed. 1click here \u00e9click here (stock) stocks penny\n"
                + "see http://a.example/x, www.b.example/y?z=1 xhttp://no.example HTTP://C.EXAMPLE ftp://d.example/"
                + " _www.e.example wwww.f.example hhttp://g.example (https://h.example/p).";
        List<String> texts = List.of(text, text.repeat(3), "", "click here", "www.", "http://");
        for (String t : texts) {
            assertEquals(Phrases.count(Phrases.SALES, t), Phrases.countSales(t), t);
            List<String> fast = new ArrayList<>();
            UriFinder.find(t, fast);
            assertEquals(slowUris(t), fast, t);
        }
        assertTrue(Phrases.countSales(text) >= 8);
    }

    private static List<String> slowUris(String text) {
        Matcher m = java.util.regex.Pattern.compile("(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'()\\[\\]{}]{2,500}").matcher(text);
        List<String> uris = new ArrayList<>();
        while (m.find()) {
            String uri = m.group();
            int end = uri.length();
            while (end > 0 && ".,;:!?".indexOf(uri.charAt(end - 1)) >= 0) {
                end--;
            }
            uris.add(uri.substring(0, end));
        }
        return uris;
    }

    private static EmbeddedEngine trained() throws IOException {
        EmbeddedEngine engine = new EmbeddedEngine(new SpamModel(), RuleSet.defaults(), new SenderReputation(3));
        for (int i = 0; i < 30; i++) {
            engine.learn(Fixtures.stream(Fixtures.spam(i)), true);
            engine.learn(Fixtures.stream(Fixtures.ham(i, TOPICS[i % TOPICS.length])), false);
        }
        return engine;
    }
}
