package org.gatehouse.licensing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.apache.karaf.features.FeaturesService;
import org.gatehouse.api.Licences;
import org.gatehouse.api.MailLog;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Wires licensing into OSGi: entitlements become services registered through this bundle's
 * context, unlocked features are installed through Karaf's FeaturesService, and the mail log is
 * used while it is there. The rules live in {@link FeatureKeyManager}.
 */
@Component(service = {FeatureKeys.class, Licences.class}, immediate = true,
        configurationPid = "org.gatehouse.licensing",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LicensingConfig.class)
public final class LicensingComponent implements FeatureKeys, Licences {

    private final MailLogRelay mailLog = new MailLogRelay();
    private final ScheduledExecutorService timer;
    private final ExecutorService featureWork;
    private final BundleEntitlements entitlements;
    private final FeatureKeyManager manager;

    @Activate
    public LicensingComponent(BundleContext context, LicensingConfig config,
            @Reference(name = "features") FeaturesService features) throws IOException {
        this.timer = Executors.newSingleThreadScheduledExecutor(named("gatehouse-licensing-timer"));
        // Separate from the timer: installing a Karaf feature can take seconds and must not
        // delay an expiry.
        this.featureWork = Executors.newSingleThreadExecutor(named("gatehouse-licensing-features"));
        this.entitlements = new BundleEntitlements(context);
        try {
            this.manager = new FeatureKeyManager(Settings.from(config), folderOf(config), Clock.systemUTC(),
                    new SecureRandom(), timer, featureWork, entitlements, new KarafFeatures(features), mailLog);
        } catch (IOException | RuntimeException e) {
            timer.shutdownNow();
            featureWork.shutdownNow();
            throw e;
        }
    }

    /** Runs after the optional mail log is bound, so the first warnings reach it. */
    @Activate
    void start() throws IOException {
        manager.start();
    }

    @Override
    public boolean licensed(String feature) {
        return entitlements.licensed(feature);
    }

    @Deactivate
    void stop() {
        manager.stop();
        timer.shutdownNow();
        featureWork.shutdown();
        entitlements.revokeAll();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMailLog(MailLog log) {
        mailLog.bind(log);
    }

    void unbindMailLog(MailLog log) {
        mailLog.unbind(log);
    }

    static Path folderOf(LicensingConfig config) {
        if (!config.directory().isBlank()) {
            return Path.of(config.directory());
        }
        return Path.of(System.getProperty("karaf.etc", "etc"), "featurekeys");
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String installationId() {
        return manager.installationId();
    }

    @Override
    public Instant now() {
        return manager.now();
    }

    @Override
    public List<FeatureStatus> features() {
        return manager.features();
    }

    @Override
    public List<FeatureKey> installedKeys() {
        return manager.installedKeys();
    }

    @Override
    public FeatureKey install(String text) throws FeatureKeyException {
        return manager.install(text);
    }

    @Override
    public List<String> remove(String keyIdOrFeature) throws FeatureKeyException {
        return manager.remove(keyIdOrFeature);
    }
}
