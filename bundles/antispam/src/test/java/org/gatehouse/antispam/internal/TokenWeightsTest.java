package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The logistic regression half of the statistics: online steps and corpus passes. */
class TokenWeightsTest {

    @Test
    void anEmptyModelIsUndecided() {
        assertEquals(0.0, new TokenWeights().margin(SpamModel.hashes(List.of("anything"))));
        assertEquals(0.0, new TokenWeights().margin(new long[0]));
    }

    @Test
    void oneStepMovesTheMarginTowardsTheLearnedClass() {
        TokenWeights weights = new TokenWeights();
        long[] spam = SpamModel.hashes(List.of("cheap", "pills", "subject:offer"));
        weights.step(spam, true);
        double once = weights.margin(spam);
        assertTrue(once > 0, "spam after one spam step: " + once);
        weights.step(spam, false);
        assertTrue(weights.margin(spam) < once, "a ham step on the same tokens moves it back");
    }

    @Test
    void learnsWhatSeparatesTheClassesNotWhatTheyShare() {
        List<long[]> messages = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean spam = i % 2 == 0;
            // "footer" is in every message of both classes; "pills" only in spam, "agenda" only in ham.
            messages.add(SpamModel.hashes(List.of("footer", spam ? "pills" : "agenda", "word" + i)));
            labels.add(spam);
        }
        TokenWeights weights = new TokenWeights();
        weights.passes(messages, labels, 10);
        assertTrue(weights.margin(SpamModel.hashes(List.of("footer", "pills"))) > 2);
        assertTrue(weights.margin(SpamModel.hashes(List.of("footer", "agenda"))) < -2);
        assertTrue(Math.abs(weights.weight(TokenHash.of("footer"))) < weights.weight(TokenHash.of("pills")),
                "a token of both classes weighs less than one of spam only");
        TokenWeights again = new TokenWeights();
        again.passes(messages, labels, 10);
        assertEquals(weights.margin(messages.get(3)), again.margin(messages.get(3)), "passes are deterministic");
    }

    @Test
    void aModelLearnsTheWeightsWithTheCountsAndRefinesThemOverACorpus() {
        SpamModel model = new SpamModel();
        List<long[]> messages = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long[] hashes = SpamModel.hashes(List.of(i % 2 == 0 ? "pills" : "agenda", "word" + i));
            model.learn(hashes, i % 2 == 0);
            messages.add(hashes);
            labels.add(i % 2 == 0);
        }
        long[] spam = SpamModel.hashes(List.of("pills"));
        double online = model.margin(spam);
        assertTrue(online > 0, "one online pass already leans to spam: " + online);
        model.refine(messages, labels);
        assertTrue(model.margin(spam) > online, "more passes fit the corpus better");
    }
}
