package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Owns the signature database (folder, watch, updates) and the configured engine, and offers
 * them as {@link Antivirus}. Not licence-gated: the console may scan a file without a licence;
 * the stage that scans mail is what the licence gates.
 */
@Component(service = Antivirus.class, configurationPid = "org.gatehouse.antivirus",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class AntivirusComponent implements Antivirus {

    private final ScheduledExecutorService timer;
    private final SignatureStore store;
    private final VirusEngine engine;

    @Activate
    public AntivirusComponent(AntivirusConfig config) throws IOException, SignatureFormatException {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-antivirus-timer");
            t.setDaemon(true);
            return t;
        });
        try {
            this.store = new SignatureStore(folderOf(config), config.builtin_signatures(), Clock.systemUTC());
            this.engine = EngineChoice.of(config, store, timer);
        } catch (IOException | SignatureFormatException | RuntimeException e) {
            timer.shutdownNow();
            throw e;
        }
        if (config.watch_interval_seconds() > 0) {
            timer.scheduleWithFixedDelay(new FolderWatch(store), config.watch_interval_seconds(),
                    config.watch_interval_seconds(), TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    static Path folderOf(AntivirusConfig config) {
        if (!config.signatures_directory().isBlank()) {
            return Path.of(config.signatures_directory());
        }
        return Path.of(System.getProperty("karaf.etc", "etc"), "antivirus");
    }

    @Override
    public ScanResult scan(String name, InputStream content) throws IOException {
        return engine.scan(name, content);
    }

    @Override
    public String engineName() {
        return engine.name();
    }

    @Override
    public Status status() {
        String clamd = "";
        if (engine instanceof ClamdEngine c) {
            try {
                clamd = c.version();
            } catch (IOException e) {
                clamd = "not answering: " + e.getMessage();
            }
        }
        return new Status(engine.name(), store.current(), store.folder(), store.lastError(), clamd);
    }

    @Override
    public SignatureDatabase update(Path source) throws IOException, SignatureFormatException {
        return store.install(source);
    }

    /** The engine the configuration names. */
    static final class EngineChoice {
        private EngineChoice() {
        }

        static VirusEngine of(AntivirusConfig config, SignatureStore store, ScheduledExecutorService timer) {
            return switch (config.engine().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "embedded" -> new EmbeddedEngine(new ContentScanner(store::current, limitsOf(config)));
                case "clamd" -> new ClamdEngine(config.clamd_address(), Duration.ofSeconds(config.clamd_timeout_seconds()), timer);
                default -> throw new IllegalArgumentException("engine must be embedded or clamd, not " + config.engine());
            };
        }

        static ScanLimits limitsOf(AntivirusConfig config) {
            return new ScanLimits(config.max_depth(), config.max_expanded_mb() * 1024L * 1024L, config.max_ratio(),
                    config.max_files(), Duration.ofSeconds(config.max_scan_seconds()), ScanLimits.defaults().maxUnpackMemoryKb());
        }
    }
}
