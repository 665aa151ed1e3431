package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** Every engine that can scan, by name, the configured one first: a policy may choose another. */
    private final Map<String, VirusEngine> engines;
    private final Map<String, String> settings;

    @Activate
    public AntivirusComponent(AntivirusConfig config) throws IOException, SignatureFormatException {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-antivirus-timer");
            t.setDaemon(true);
            return t;
        });
        try {
            this.store = new SignatureStore(folderOf(config), config.builtin_signatures(), Clock.systemUTC());
            this.engines = EngineChoice.all(config, store, timer);
            this.engine = engines.values().iterator().next();
            this.settings = settingsOf(config);
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
    public VirusEngine engine(String name) {
        if (name == null || name.isBlank()) {
            return engine;
        }
        VirusEngine chosen = engines.get(name.trim().toLowerCase(Locale.ROOT));
        if (chosen == null) {
            throw new IllegalArgumentException("no anti-virus engine " + name.trim() + " here (engines: "
                    + String.join(", ", engines.keySet()) + "; clamd needs clamd.address)");
        }
        return chosen;
    }

    @Override
    public List<String> engines() {
        return List.copyOf(engines.keySet());
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    /** What the console shows of the verdict actions and notifications (the stage reads the same PID). */
    static Map<String, String> settingsOf(AntivirusConfig config) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("action.infected", config.action_infected());
        s.put("action.encrypted", config.action_encrypted());
        s.put("action.unscannable", config.action_unscannable());
        s.put("action.unrepairable", config.action_unrepairable());
        s.put("notice.infected.allowed", Boolean.toString(config.notice_infected_allowed()));
        s.put("notice.from", VirusNotifications.Settings.noticeFrom(config, Hostname.local()));
        s.put("notify.admin", config.notify_admin().isBlank() ? "(none)" : config.notify_admin());
        s.put("notify.sender", Boolean.toString(config.notify_sender()));
        s.put("notify.recipients", Boolean.toString(config.notify_recipients()));
        s.put("notify.verdicts", config.notify_verdicts());
        s.put("quarantine", config.quarantine());
        return java.util.Collections.unmodifiableMap(s);
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

        /**
         * The configured engine first, then the others that can scan: the embedded one always
         * (its database is loaded anyway), clamd whenever {@code clamd.address} is set.
         */
        static Map<String, VirusEngine> all(AntivirusConfig config, SignatureStore store, ScheduledExecutorService timer) {
            String configured = config.engine().trim().toLowerCase(Locale.ROOT);
            boolean clamd = !config.clamd_address().isBlank();
            if (!configured.equals("embedded") && !configured.equals("clamd")) {
                throw new IllegalArgumentException("engine must be embedded or clamd, not " + config.engine());
            }
            if (configured.equals("clamd") && !clamd) {
                throw new IllegalArgumentException("engine = clamd needs clamd.address");
            }
            Map<String, VirusEngine> engines = new LinkedHashMap<>();
            if (configured.equals("clamd")) {
                engines.put("clamd", clamd(config, timer));
            }
            engines.put("embedded", new EmbeddedEngine(new ContentScanner(store::current, limitsOf(config))));
            if (clamd && !engines.containsKey("clamd")) {
                engines.put("clamd", clamd(config, timer));
            }
            return java.util.Collections.unmodifiableMap(engines);
        }

        private static VirusEngine clamd(AntivirusConfig config, ScheduledExecutorService timer) {
            return new ClamdEngine(config.clamd_address().trim(), Duration.ofSeconds(config.clamd_timeout_seconds()), timer);
        }

        static ScanLimits limitsOf(AntivirusConfig config) {
            return new ScanLimits(config.max_depth(), config.max_expanded_mb() * 1024L * 1024L, config.max_ratio(),
                    config.max_files(), Duration.ofSeconds(config.max_scan_seconds()), ScanLimits.defaults().maxUnpackMemoryKb());
        }
    }
}
