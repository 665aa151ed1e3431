package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        long[] probe = SpamModel.hashes(List.of("common", "word7", "word8"));
        assertEquals(model.margin(probe), read.margin(probe), "the token weights and bias persist");
        assertEquals(SpamModel.Learned.ALREADY_KNOWN, read.learn(List.of("common", "word4"), true), "the journal persists");
        read.prune(2);
        assertEquals(1, read.tokenCount());
        assertEquals(spamHam(1500, 1500), counts(read, "common"));
    }

    @Test
    void refusesWhatIsNotAModel() {
        assertThrows(IOException.class, () -> SpamModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
        IOException notGzip = assertThrows(IOException.class, () -> SpamModel.read(new ByteArrayInputStream(head(0x12345678, 2))));
        assertTrue(notGzip.getMessage() != null);
        IOException foreign = assertThrows(IOException.class, () -> SpamModel.read(new ByteArrayInputStream(gzip(head(0x12345678, 2)))));
        assertEquals("not a Gatehouse anti-spam model", foreign.getMessage());
    }

    @Test
    void aModelOfAnOlderFormatGetsAnErrorThatSaysWhatToDo() throws IOException {
        // Format 1 (counts only, before the token weights) as the previous release wrote it.
        IOException old = assertThrows(IOException.class,
                () -> SpamModel.read(new ByteArrayInputStream(gzip(head(ModelFile.MAGIC, 1)))));
        assertTrue(old.getMessage().contains("format 1 is from an older Gatehouse"), old.getMessage());
        assertTrue(old.getMessage().contains("delete it"), old.getMessage());
        IOException newer = assertThrows(IOException.class,
                () -> SpamModel.read(new ByteArrayInputStream(gzip(head(ModelFile.MAGIC, ModelFile.FORMAT + 1)))));
        assertTrue(newer.getMessage().contains("newer Gatehouse"), newer.getMessage());
    }

    @Test
    void aSiteModelOfTheCountsOnlyFormatKeepsItsLearningThroughAnUpgrade(@TempDir Path folder) throws IOException {
        // model.bin as the previous release wrote it: format 1, 7 spam and 2 ham, one token, no weights.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(ModelFile.MAGIC);
        out.writeInt(ModelFile.COUNTS_ONLY);
        out.writeInt(7);
        out.writeInt(2);
        out.writeInt(1);
        out.writeLong(TokenHash.of("cheap"));
        out.writeByte(5);
        out.writeByte(1);
        out.writeInt(0);
        Files.write(folder.resolve(SiteModel.FILE), gzip(bytes.toByteArray()));

        SiteModel site = new SiteModel(folder);
        SpamModel upgraded = site.load();
        assertEquals(7, upgraded.spamMessages());
        assertEquals(spamHam(5, 1), counts(upgraded, "cheap"));
        long[] shippedTokens = {TokenHash.of("cheap"), TokenHash.of("subject:free")};
        assertEquals(ShippedModel.load().margin(shippedTokens), upgraded.margin(shippedTokens), 1e-9,
                "token weights start from the shipped model's");
        site.save(upgraded);
        assertEquals(spamHam(5, 1), counts(SpamModel.read(Files.newInputStream(folder.resolve(SiteModel.FILE))), "cheap"),
                "saved in the current format");
    }

    @Test
    void aTruncatedModelIsRefused() throws IOException {
        SpamModel model = new SpamModel();
        model.learn(List.of("cheap", "pills"), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        byte[] whole = gunzip(out.toByteArray());
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 6);
        assertThrows(IOException.class, () -> SpamModel.read(new ByteArrayInputStream(gzip(cut))));
    }

    private static byte[] head(int magic, int format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(format);
        out.writeInt(0);
        out.writeInt(0);
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write(plain);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] zipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            return in.readAllBytes();
        }
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
