package org.gatehouse.reputation.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores hosts: asks the zones (through the cache), weighs the local history, and keeps both.
 * Not licence-gated (the console may diagnose without a licence); the licensed services
 * {@link SenderReputationService} and {@link ReputationStage} sit in front of it.
 */
@Component(service = Reputation.class, configurationPid = "org.gatehouse.reputation",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ReputationConfig.class)
public final class ReputationEngine implements Reputation {

    /** A failing zone is reported at most this often. */
    static final Duration WARNING_QUIET_PERIOD = Duration.ofMinutes(10);
    /** How often the history is saved while running (it is saved on stop too). */
    static final Duration SAVE_INTERVAL = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ReputationEngine.class);

    private final boolean enabled;
    private final String server;
    private final List<ReputationZone> zones;
    private final ZoneLookup lookup;
    private final AnswerCache cache;
    private final SenderHistory history;
    private final HistoryScore historyScore;
    private final Duration halfLife;
    private final ZoneHealth health;
    private final Clock clock;
    private final HistoryFile historyFile;
    private final List<String> configErrors;
    private final ScheduledExecutorService saver;

    /** Optional and dynamic: the mail log may come and go (its bundle updated); DS sets the field. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MailLog mailLog;

    @Activate
    public ReputationEngine(ReputationConfig config) {
        this(config, Clock.systemUTC(), historyFileOf(config));
    }

    ReputationEngine(ReputationConfig config, Clock clock, HistoryFile historyFile) {
        this(config, dnsLookup(config), clock, historyFile);
    }

    private ReputationEngine(ReputationConfig config, ZoneLookup lookup, Clock clock, HistoryFile historyFile) {
        this(config, lookup, lookup instanceof DnsZoneLookup dns ? dns.server() : "none usable: " + config.dns_server(),
                clock, historyFile);
    }

    ReputationEngine(ReputationConfig config, ZoneLookup lookup, String server, Clock clock) {
        this(config, lookup, server, clock, null);
    }

    /** @param historyFile where the history is kept across restarts, or null for memory only */
    ReputationEngine(ReputationConfig config, ZoneLookup lookup, String server, Clock clock, HistoryFile historyFile) {
        this.enabled = config.enabled();
        this.server = server;
        List<String> errors = new ArrayList<>();
        this.zones = ReputationZone.parseValid(config.zones(), errors);
        if (lookup instanceof BrokenLookup broken) {
            errors.add(broken.reason());
        }
        this.configErrors = List.copyOf(errors);
        errors.forEach(e -> LOG.error("org.gatehouse.reputation: {}", e));
        this.lookup = lookup;
        this.clock = clock;
        this.cache = new AnswerCache(clock, Duration.ofSeconds(Math.max(0, config.cache_ttl_seconds())),
                Duration.ofSeconds(Math.max(0, config.cache_failure_ttl_seconds())), config.cache_max_hosts());
        this.halfLife = Duration.ofHours(Math.max(1, config.history_half_life_hours()));
        this.history = new SenderHistory(clock, halfLife, config.history_max_hosts());
        this.historyScore = new HistoryScore(config.history_min_messages(), config.history_max_points());
        this.health = new ZoneHealth(clock, WARNING_QUIET_PERIOD);
        this.historyFile = historyFile;
        this.saver = historyFile == null ? null : startSaving();
    }

    /** {@code history.file}: empty means under ${karaf.data} (none outside Karaf), {@code none} means memory only. */
    static HistoryFile historyFileOf(ReputationConfig config) {
        String setting = config.history_file().trim();
        if (setting.equalsIgnoreCase("none")) {
            return null;
        }
        if (!setting.isEmpty()) {
            return new HistoryFile(java.nio.file.Path.of(setting));
        }
        String data = System.getProperty("karaf.data");
        return data == null ? null : new HistoryFile(java.nio.file.Path.of(data, "reputation", "history.txt"));
    }

    private ScheduledExecutorService startSaving() {
        try {
            history.restore(historyFile.load());
        } catch (IOException e) {
            // Starting with an empty history is better than not scoring at all; the admin is told.
            LOG.warn("Sender history not read from {}: starting empty", historyFile.path(), e);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-reputation-history");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::save, SAVE_INTERVAL.toMinutes(), SAVE_INTERVAL.toMinutes(), TimeUnit.MINUTES);
        return timer;
    }

    /** Saves the history; a failure is logged and retried at the next interval. */
    synchronized void save() {
        if (historyFile == null) {
            return;
        }
        try {
            historyFile.save(history.snapshot());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Sender history not saved to {}", historyFile.path(), e);
        }
    }

    @Deactivate
    void stop() {
        if (saver != null) {
            saver.shutdownNow();
        }
        save();
    }

    /**
     * The resolver the configuration names. A server that cannot be used (bad syntax, unknown
     * name) fails every zone instead of the component: the history stage, which the work queue
     * waits for, must not vanish over a DNS setting.
     */
    private static ZoneLookup dnsLookup(ReputationConfig config) {
        try {
            return new DnsZoneLookup(config.dns_server(), Duration.ofMillis(Math.max(1, config.dns_timeout_millis())));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return new BrokenLookup("dns.server " + config.dns_server() + " unusable: " + e.getMessage());
        }
    }

    /** Stands in for a resolver that could not be set up: every zone fails with the reason. */
    record BrokenLookup(String reason) implements ZoneLookup {
        @Override
        public List<ZoneAnswer> lookup(InetAddress host, List<ReputationZone> zones) {
            return zones.stream().map(z -> ZoneAnswer.failed(z.name(), reason)).toList();
        }
    }

    @Override
    public Double score(String remoteIp) {
        if (!enabled) {
            return null;
        }
        return explain(remoteIp).score();
    }

    @Override
    public Explanation explain(String remoteIp) {
        InetAddress address = IpAddresses.literal(remoteIp);
        String host = address.getHostAddress();
        AnswerCache.Entry entry = cache.fresh(host);
        if (entry == null) {
            entry = cache.put(host, ask(address));
        }
        Double dns = ZoneScores.combine(entry.answers());
        HostHistory seen = history.of(host);
        Double points = historyScore.points(seen);
        return new Explanation(host, entry.answers(), dns, entry.age(clock.instant()), seen, points,
                HistoryScore.combine(dns, points));
    }

    private List<ZoneAnswer> ask(InetAddress address) {
        if (zones.isEmpty()) {
            return List.of();
        }
        List<ZoneAnswer> answers = lookup.lookup(address, zones);
        Optional<String> warning = health.observe(answers);
        MailLog log = mailLog;
        if (warning.isPresent() && log != null) {
            log.warning(MailEvent.of("reputation.zone.failing").with("detail", warning.get()).text(warning.get()));
        }
        return answers;
    }

    @Override
    public void learn(String remoteIp, long mid, MessageOutcome outcome) {
        String host;
        try {
            host = IpAddresses.literal(remoteIp).getHostAddress();
        } catch (IllegalArgumentException e) {
            // Locally generated mail (bounces, notices) has no remote address: nothing to learn.
            return;
        }
        history.record(host, mid, outcome);
    }

    @Override
    public boolean forget(String remoteIp) {
        String host = IpAddresses.literal(remoteIp).getHostAddress();
        boolean known = cache.fresh(host) != null || history.of(host).total() > 0;
        cache.forget(host);
        history.forget(host);
        return known;
    }

    @Override
    public Status status() {
        List<ZoneStatus> zoneStatus = new ArrayList<>();
        for (ReputationZone zone : zones) {
            ZoneHealth.Failures f = health.of(zone.name());
            zoneStatus.add(new ZoneStatus(zone.name(), zone.toString().substring(zone.name().length()).trim(),
                    f.inRow(), f.total(), f.lastError()));
        }
        return new Status(enabled, server, zoneStatus, cache.size(), history.size(), halfLife, historyScore, configErrors);
    }
}
