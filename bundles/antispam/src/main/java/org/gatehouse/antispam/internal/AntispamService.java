package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the engine: loads the site model (or the shipped one), builds the configured engine,
 * and learns into the site model. Not gated by the licence; the stage that uses it is.
 * Reads the same configuration as the stage (PID {@code org.gatehouse.antispam}).
 */
@Component(service = {Antispam.class, AntispamConsole.class}, configurationPid = "org.gatehouse.antispam",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class AntispamService implements Antispam, AntispamConsole {

    private static final Logger LOG = LoggerFactory.getLogger(AntispamService.class);

    private final Thresholds thresholds;
    private final SiteModel siteModel;
    private final EmbeddedEngine embedded;
    private final Map<String, SpamEngine> engines;
    private final SpamEngine engine;

    @Activate
    public AntispamService(AntispamConfig config, BundleContext context) throws IOException {
        this(config, modelFolder(config, context.getProperty("karaf.data")));
    }

    AntispamService(AntispamConfig config, Path modelFolder) throws IOException {
        this.thresholds = new Thresholds(config.positive_threshold(), config.suspected_threshold());
        this.siteModel = new SiteModel(modelFolder);
        this.embedded = new EmbeddedEngine(siteModel.load(), new RuleSet(RulePoints.parse(config.rule_points())),
                new SenderReputation(config.sbrs_points()));
        this.engines = EngineChoice.all(config, thresholds, embedded);
        this.engine = engines.get(EngineChoice.name(config.engine()));
        LOG.info("Anti-spam engine: {}", engine.describe());
    }

    static Path modelFolder(AntispamConfig config, String karafData) {
        if (config.model_directory() != null && !config.model_directory().isBlank()) {
            return Path.of(config.model_directory().trim());
        }
        return Path.of(karafData == null ? "data" : karafData, "antispam");
    }

    @Override
    public SpamEngine engine(String choice) {
        return choice == null || choice.isBlank() ? engine : engines.get(EngineChoice.name(choice));
    }

    @Override
    public Thresholds thresholds() {
        return thresholds;
    }

    @Override
    public String engineName() {
        return engine.describe();
    }

    @Override
    public void scan(Path fileOrFolder, Consumer<String> lines) throws IOException, InterruptedException {
        new FileScan(engine, thresholds).scanAll(MailFiles.under(fileOrFolder), 1, lines);
    }

    @Override
    public SpamModel.Learned learn(InputStream content, boolean spam) throws IOException {
        SpamModel.Learned outcome = embedded.learn(content, spam);
        siteModel.save(embedded.model());
        return outcome;
    }

    @Override
    public LearnSummary learn(Path fileOrFolder, boolean spam) throws IOException {
        int[] outcomes = new int[SpamModel.Learned.values().length];
        int unreadable = 0;
        for (Path file : MailFiles.under(fileOrFolder)) {
            try (InputStream in = Files.newInputStream(file)) {
                outcomes[embedded.learn(in, spam).ordinal()]++;
            } catch (IOException e) {
                LOG.warn("Anti-spam learning skipped {}: {}", file, e.getMessage());
                unreadable++;
            }
        }
        siteModel.save(embedded.model());
        return new LearnSummary(outcomes[SpamModel.Learned.LEARNED.ordinal()],
                outcomes[SpamModel.Learned.RELEARNED.ordinal()], outcomes[SpamModel.Learned.ALREADY_KNOWN.ordinal()],
                unreadable, siteModel.file());
    }
}
