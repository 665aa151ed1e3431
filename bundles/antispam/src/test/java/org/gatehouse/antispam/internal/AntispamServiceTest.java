package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AntispamServiceTest {

    @TempDir
    Path dir;

    @Test
    void learnsFoldersIntoTheSiteModelWhichOutlivesTheComponent() throws IOException, InterruptedException {
        Path spam = Files.createDirectories(dir.resolve("spam"));
        Path ham = Files.createDirectories(dir.resolve("ham"));
        String[] topics = {"release", "budget", "parser", "meeting", "backup", "roadmap"};
        for (int i = 0; i < 20; i++) {
            Files.writeString(spam.resolve("s" + i + ".eml"), "From spammer  Mon Mar  3 10:00:00 2025\n" + Fixtures.spam(i));
            Files.writeString(ham.resolve("h" + i + ".eml"), Fixtures.ham(i, topics[i % topics.length]));
        }
        Path models = dir.resolve("models");
        AntispamConfig config = TestConfig.with(Map.of("model_directory", models.toString()));
        AntispamService service = new AntispamService(config, AntispamService.modelFolder(config, "/unused"));
        LearnSummary first = service.learn(spam, true);
        assertEquals(20, first.learned());
        assertEquals(models.resolve("model.bin"), first.model());
        service.learn(ham, false);
        assertEquals(20, service.learn(ham, false).alreadyKnown());

        AntispamService restarted = new AntispamService(config, models);
        Path probe = dir.resolve("probe.eml");
        Files.writeString(probe, Fixtures.spam(99));
        List<String> lines = new ArrayList<>();
        restarted.scan(probe, lines::add);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"verdict\":\"positive\""), lines.get(0));
        assertTrue(restarted.engineName().startsWith("embedded"));
    }

    @Test
    void theModelFolderDefaultsUnderKarafData() {
        assertEquals(Path.of("/opt/gh/data", "antispam"), AntispamService.modelFolder(TestConfig.defaults(), "/opt/gh/data"));
    }

    @Test
    void refusesAnUnknownEngineOrThresholdsOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> new AntispamService(TestConfig.with(Map.of("engine", "clamd")), dir));
        assertThrows(IllegalArgumentException.class,
                () -> new AntispamService(TestConfig.with(Map.of("positive_threshold", 120)), dir));
    }

    @Test
    void theShippedModelScoresOutOfTheBox() throws IOException {
        SpamModel shipped = ShippedModel.load();
        assertTrue(shipped.spamMessages() > 100 && shipped.hamMessages() > 100, "a starting model is shipped");
        AntispamService service = new AntispamService(TestConfig.defaults(), dir);
        SpamScore spam = service.check(Fixtures.open("spam-html.eml"), MessageFacts.none());
        SpamScore ham = service.check(Fixtures.open("ham-plain.eml"), MessageFacts.none());
        assertEquals(SpamVerdict.POSITIVE, service.thresholds().verdict(spam.score()), spam.toString());
        assertEquals(SpamVerdict.NEGATIVE, service.thresholds().verdict(ham.score()), ham.toString());
    }
}
