package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChiSquareClassifierTest {

    private final ChiSquareClassifier classifier = new ChiSquareClassifier();

    @Test
    void shrinksRareTokensTowardsOneHalf() {
        double once = classifier.tokenProbability(1, 0, 100, 100);
        double often = classifier.tokenProbability(50, 0, 100, 100);
        assertTrue(once > 0.5 && once < often, once + " " + often);
        assertEquals(0.5, classifier.tokenProbability(0, 0, 100, 100));
        assertEquals(0.5, classifier.tokenProbability(10, 10, 100, 100), 1e-9);
    }

    @Test
    void combinesCluesIntoAClearAnswerOrUnsure() {
        assertTrue(ChiSquareClassifier.combine(new double[] {0.99, 0.98, 0.97, 0.99}) > 0.95);
        assertTrue(ChiSquareClassifier.combine(new double[] {0.01, 0.02, 0.03, 0.01}) < 0.05);
        double mixed = ChiSquareClassifier.combine(new double[] {0.99, 0.99, 0.01, 0.01});
        assertEquals(0.5, mixed, 0.05);
        assertEquals(0.5, ChiSquareClassifier.combine(new double[0]));
        assertEquals(1.0, ChiSquareClassifier.chi2Q(0, 4), 1e-12);
    }

    @Test
    void needsBothClassesBeforeGivingAnOpinion() {
        SpamModel model = new SpamModel();
        for (int i = 0; i < 10; i++) {
            model.learn(List.of("viagra", "cash", "n" + i), true);
        }
        assertTrue(Double.isNaN(classifier.spamProbability(model, List.of("viagra"))));
        for (int i = 0; i < 10; i++) {
            model.learn(List.of("meeting", "build", "h" + i), false);
        }
        assertTrue(classifier.spamProbability(model, List.of("viagra", "cash")) > 0.9);
        assertTrue(classifier.spamProbability(model, List.of("meeting", "build")) < 0.1);
    }
}
