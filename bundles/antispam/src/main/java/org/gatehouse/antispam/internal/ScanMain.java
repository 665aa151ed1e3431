package org.gatehouse.antispam.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command-line scan, no OSGi: prints one JSON line per message file.
 *
 * <pre>java -cp gatehouse-antispam.jar:apache-mime4j-core.jar:commons-io.jar \
 *   org.gatehouse.antispam.internal.ScanMain [--model FILE] [--threads N]
 *   [--positive 90] [--suspected 50] FILE-OR-FOLDER...</pre>
 *
 * Without {@code --model} it uses the starting model shipped in the jar.
 */
public final class ScanMain {

    private ScanMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path model = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int positive = Thresholds.DEFAULT.positive();
        int suspected = Thresholds.DEFAULT.suspected();
        List<Path> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--positive" -> positive = Integer.parseInt(args[++i]);
                case "--suspected" -> suspected = Integer.parseInt(args[++i]);
                default -> targets.add(Path.of(args[i]));
            }
        }
        if (targets.isEmpty()) {
            System.err.println("usage: ScanMain [--model FILE] [--threads N] [--positive 90] [--suspected 50] FILE-OR-FOLDER...");
            System.exit(2);
        }
        EmbeddedEngine engine = new EmbeddedEngine(load(model), new RuleSet(Map.of()), new SenderReputation(0));
        List<Path> files = new ArrayList<>();
        for (Path target : targets) {
            files.addAll(MailFiles.under(target));
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 65536));
        new FileScan(engine, new Thresholds(positive, suspected)).scanAll(files, threads, out::println);
        out.flush();
    }

    static SpamModel load(Path model) throws IOException {
        if (model == null) {
            return ShippedModel.load();
        }
        try (InputStream in = Files.newInputStream(model)) {
            return SpamModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + model, e);
        }
    }
}
