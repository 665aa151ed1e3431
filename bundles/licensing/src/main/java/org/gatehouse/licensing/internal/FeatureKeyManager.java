package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.licensing.internal.ExpiryNotices.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the published entitlements equal to what the installed keys and the evaluation allow
 * right now. Every change (start, install, remove, a timer at the next expiry or warning)
 * ends in {@link #refresh()}, which grants, revokes, warns and sets the next timer.
 */
final class FeatureKeyManager implements FeatureKeys {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureKeyManager.class);
    /** Longest sleep between checks, so a wall-clock jump is caught up within the hour. */
    static final Duration MAX_SLEEP = Duration.ofHours(1);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Executor featureWork;
    private final EntitlementRegistry registry;
    private final FeatureInstaller installer;
    private final MailLog mailLog;
    private final String installationId;
    private final FeatureKeyVerifier verifier;
    private final InstalledKeys keys;
    private final Evaluation evaluation;
    private final ExpiryNotices notices;

    private final Map<String, Instant> granted = new HashMap<>();
    private Optional<Instant> evaluationExpires = Optional.empty();
    private ScheduledFuture<?> wakeUp;
    private Instant nextWakeUp;
    private boolean stopped;

    FeatureKeyManager(Settings settings, Path folder, Clock clock, SecureRandom random,
            ScheduledExecutorService timer, Executor featureWork, EntitlementRegistry registry,
            FeatureInstaller installer, MailLog mailLog) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.timer = timer;
        this.featureWork = featureWork;
        this.registry = registry;
        this.installer = installer;
        this.mailLog = mailLog;
        this.installationId = InstallationId.loadOrCreate(folder, random);
        this.verifier = new FeatureKeyVerifier(settings.signers(), installationId);
        this.keys = new InstalledKeys(new KeyFolder(folder), verifier);
        this.evaluation = new Evaluation(folder);
        this.notices = new ExpiryNotices(folder, settings.warningDays());
    }

    /** Loads keys, starts the evaluation on a new installation, and publishes what is valid. */
    synchronized void start() throws IOException {
        keys.load();
        evaluationExpires = evaluation.expires();
        if (evaluationExpires.isEmpty() && !keys.anyFiles() && settings.evaluationDays() > 0) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant expires = evaluation.start(now, settings.evaluationDays());
            evaluationExpires = Optional.of(expires);
            // The start message says how long it runs; a "30 days left" warning on top is noise.
            notices.due(now, statusesAt(now).values());
            LOG.info("New installation {}: evaluation of {} until {}", installationId,
                    String.join(", ", settings.evaluationFeatures()), expires);
            mailLog.info(MailEvent.of("featurekey.evaluation").with("installation", installationId)
                    .with("expires", expires.toString())
                    .text("Evaluation of " + String.join(", ", settings.evaluationFeatures()) + " started, until " + expires));
        }
        LOG.info("Licensing for installation {}: {} key(s) installed", installationId, keys.all().size());
        refresh();
    }

    /** Stops the timer; the component withdraws the services. */
    synchronized void stop() {
        stopped = true;
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
    }

    @Override
    public String installationId() {
        return installationId;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public synchronized List<FeatureStatus> features() {
        return List.copyOf(statusesAt(clock.instant()).values());
    }

    @Override
    public synchronized List<FeatureKey> installedKeys() {
        return keys.all();
    }

    @Override
    public synchronized FeatureKey install(String text) throws FeatureKeyException {
        Instant now = clock.instant();
        SignedFeatureKey signed = verifier.verifyNew(text, now);
        keys.add(signed);
        FeatureKey key = signed.key();
        String what = key.features().entrySet().stream()
                .map(e -> e.getKey() + " until " + e.getValue()).collect(Collectors.joining(", "));
        LOG.info("Feature key {} installed: {}", key.keyId(), what);
        mailLog.info(MailEvent.of("featurekey.installed").with("key", key.keyId())
                .with("features", String.join(",", key.features().keySet()))
                .text("Feature key " + key.keyId() + " installed: " + what));
        Set<String> alreadyOn = Set.copyOf(granted.keySet());
        refresh();
        // refresh() installed the features that are new; those this key unlocks that were
        // already on (evaluation) are made sure of here, each once.
        key.features().forEach((feature, expires) -> {
            if (now.isBefore(expires) && alreadyOn.contains(feature)) {
                installKarafFeature(feature);
            }
        });
        return key;
    }

    @Override
    public synchronized List<String> remove(String keyIdOrFeature) throws FeatureKeyException {
        List<FeatureKey> removed = keys.remove(keyIdOrFeature);
        Set<String> revoked = refresh();
        for (FeatureKey key : removed) {
            Set<String> off = new TreeSet<>(key.features().keySet());
            off.retainAll(revoked);
            String text = "Feature key " + key.keyId() + " removed"
                    + (off.isEmpty() ? "" : ": " + String.join(", ", off) + " off from now on");
            LOG.info(text);
            mailLog.warning(MailEvent.of("featurekey.removed").with("key", key.keyId())
                    .with("features", String.join(",", off)).text(text));
        }
        return removed.stream().map(FeatureKey::keyId).toList();
    }

    /**
     * Brings the published entitlements in line with now, sends due warnings, and sets the
     * timer for the next expiry or warning. Returns the features revoked.
     */
    synchronized Set<String> refresh() {
        Instant now = clock.instant();
        Map<String, FeatureStatus> statuses = statusesAt(now);
        Set<String> revoked = new TreeSet<>(granted.keySet());
        statuses.values().stream().filter(FeatureStatus::valid).forEach(s -> revoked.remove(s.feature()));
        for (String feature : revoked) {
            registry.revoke(feature);
            granted.remove(feature);
        }
        for (FeatureStatus s : statuses.values()) {
            if (s.valid() && !s.expires().equals(granted.get(s.feature()))) {
                boolean fresh = !granted.containsKey(s.feature());
                registry.grant(s.feature(), s.expires());
                granted.put(s.feature(), s.expires());
                if (fresh) {
                    installKarafFeature(s.feature());
                }
            }
        }
        sendNotices(now, statuses);
        schedule(now, notices.next(now, statuses.values()).orElse(null));
        return revoked;
    }

    /** When the timer will next look (for tests and the console). */
    synchronized Instant nextWakeUp() {
        return nextWakeUp;
    }

    private Map<String, FeatureStatus> statusesAt(Instant now) {
        return Licences.at(now, keys.all(), evaluationExpires, settings.evaluationFeatures());
    }

    private void sendNotices(Instant now, Map<String, FeatureStatus> statuses) {
        List<Notice> due;
        try {
            due = notices.due(now, statuses.values());
        } catch (IOException e) {
            LOG.error("Feature key warnings cannot be recorded; they may repeat", e);
            return;
        }
        for (Notice n : due) {
            FeatureStatus s = n.status();
            MailEvent.Builder event = MailEvent.of(n.expired() ? "featurekey.expired" : "featurekey.expiring")
                    .with("feature", s.feature()).with("expires", s.expires().toString());
            String text;
            if (n.expired()) {
                text = s.grant() + " expired: " + s.feature() + " is off from now on";
            } else {
                long days = s.daysLeft(now);
                event.with("days.left", days);
                text = s.grant() + " expires in " + days + (days == 1 ? " day" : " days") + ", at " + s.expires()
                        + "; install a renewed key with featurekey-install";
            }
            LOG.warn(text);
            mailLog.warning(event.text(text));
        }
    }

    private void schedule(Instant now, Instant next) {
        Instant latest = now.plus(MAX_SLEEP);
        Instant at = next == null || next.isAfter(latest) ? latest : next;
        scheduleAt(now, at);
    }

    private void scheduleAt(Instant now, Instant at) {
        if (stopped) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        nextWakeUp = at;
        // +1 ms: the timer counts whole milliseconds; waking a hair early would just reschedule.
        long delay = Math.max(1, Duration.between(now, at).toMillis() + 1);
        try {
            wakeUp = timer.schedule(this::onTimer, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Licensing timer is shut down; no further checks", e);
        }
    }

    private synchronized void onTimer() {
        if (stopped) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.error("Feature key check failed; retrying in {}", RETRY, e);
            Instant now = clock.instant();
            scheduleAt(now, now.plus(RETRY));
        }
    }

    private void installKarafFeature(String feature) {
        String karafFeature = settings.karafFeature(feature);
        try {
            featureWork.execute(() -> installer.ensureInstalled(karafFeature));
        } catch (RejectedExecutionException e) {
            LOG.debug("Licensing is stopping; Karaf feature {} not installed now", karafFeature, e);
        }
    }
}
