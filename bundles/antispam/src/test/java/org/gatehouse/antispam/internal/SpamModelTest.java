package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpamModelTest {

    @Test
    void countsEachMessageOnceAndMovesARelearnedMessage() {
        SpamModel model = new SpamModel();
        List<String> tokens = List.of("cheap", "pills", "subject:offer");
        assertEquals(SpamModel.Learned.LEARNED, model.learn(tokens, true));
        assertEquals(SpamModel.Learned.ALREADY_KNOWN, model.learn(tokens, true));
        assertEquals(1, model.spamMessages());
        assertEquals(spamHam(1, 0), counts(model, "cheap"));
        assertEquals(SpamModel.Learned.RELEARNED, model.learn(tokens, false));
        assertEquals(0, model.spamMessages());
        assertEquals(1, model.hamMessages());
        assertEquals(spamHam(0, 1), counts(model, "cheap"));
    }

    @Test
    void survivesAWriteAndReadAndPrunesRareTokens() throws IOException {
        SpamModel model = new SpamModel();
        for (int i = 0; i < 3000; i++) {
            model.learn(List.of("common", "word" + i), i % 2 == 0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        SpamModel read = SpamModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(1500, read.spamMessages());
        assertEquals(1500, read.hamMessages());
        assertEquals(3001, read.tokenCount());
        assertEquals(spamHam(1500, 1500), counts(read, "common"));
        assertEquals(SpamModel.Learned.ALREADY_KNOWN, read.learn(List.of("common", "word4"), true), "the journal persists");
        read.prune(2);
        assertEquals(1, read.tokenCount());
        assertEquals(spamHam(1500, 1500), counts(read, "common"));
    }

    @Test
    void refusesWhatIsNotAModel() {
        assertThrows(IOException.class, () -> SpamModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }

    @Test
    void tokenCountsSurviveRemovalsInTheMiddleOfCollisionChains() {
        TokenCounts counts = new TokenCounts(16);
        for (long k = 1; k <= 1000; k++) {
            counts.put(k, k);
        }
        for (long k = 1; k <= 1000; k += 3) {
            counts.remove(k);
        }
        for (long k = 1; k <= 1000; k++) {
            assertEquals((k - 1) % 3 == 0 ? 0 : k, counts.get(k), "key " + k);
        }
    }

    private static long counts(SpamModel model, String token) {
        return model.lookup(new long[] {TokenHash.of(token)})[0];
    }

    private static long spamHam(int spam, int ham) {
        return TokenCounts.pack(spam, ham);
    }
}
