package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a model from labelled messages, no OSGi. Regenerates the shipped starting model:
 *
 * <pre>java -cp ... org.gatehouse.antispam.internal.TrainMain --spam /work/shared/corpus/spam \
 *   --ham /work/shared/corpus/ham --prune 2 \
 *   --out bundles/antispam/src/main/resources/org/gatehouse/antispam/internal/starting-model.bin</pre>
 *
 * The token counts are learned in one pass, the token weights in {@link SpamModel#PASSES} passes
 * (the first while counting). {@code --spam} and {@code --ham} take files or folders and may repeat; {@code --prune N}
 * forgets tokens seen in fewer than N messages (keeps the shipped model small).
 */
public final class TrainMain {

    private TrainMain() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> spam = new ArrayList<>();
        List<Path> ham = new ArrayList<>();
        Path out = null;
        int prune = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--spam" -> spam.addAll(MailFiles.under(Path.of(args[++i])));
                case "--ham" -> ham.addAll(MailFiles.under(Path.of(args[++i])));
                case "--out" -> out = Path.of(args[++i]);
                case "--prune" -> prune = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (out == null || spam.isEmpty() || ham.isEmpty()) {
            System.err.println("usage: TrainMain --spam FILE-OR-FOLDER --ham FILE-OR-FOLDER --out MODEL [--prune N]");
            System.exit(2);
        }
        EmbeddedEngine engine = new EmbeddedEngine(new SpamModel(), new RuleSet(Map.of()), new SenderReputation(0));
        SpamModel model = engine.model();
        List<long[]> learned = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        // Interleaved, as mail arrives: the first pass of the token weights is the online one.
        for (int i = 0; i < Math.max(spam.size(), ham.size()); i++) {
            if (i < spam.size()) {
                learn(engine, spam.get(i), true, learned, labels);
            }
            if (i < ham.size()) {
                learn(engine, ham.get(i), false, learned, labels);
            }
        }
        model.refine(learned, labels);
        if (prune > 1) {
            model.prune(prune);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (OutputStream target = Files.newOutputStream(out)) {
            model.write(target);
        }
        System.err.printf("model %s: %d spam, %d ham, %d tokens, %d bytes%n", out, model.spamMessages(),
                model.hamMessages(), model.tokenCount(), Files.size(out));
    }

    private static void learn(EmbeddedEngine engine, Path file, boolean spam, List<long[]> learned, List<Boolean> labels)
            throws IOException {
        long[] hashes;
        try (InputStream in = Files.newInputStream(file)) {
            hashes = SpamModel.hashes(engine.tokens(in));
        }
        // A message learned twice (a duplicate in the corpus) counts and steps once.
        if (engine.model().learn(hashes, spam) != SpamModel.Learned.ALREADY_KNOWN) {
            learned.add(hashes);
            labels.add(spam);
        }
    }
}
