package org.gatehouse.licensing.internal;

import java.util.EnumSet;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs unlocked features through Karaf's FeaturesService (what {@code feature:install} does). */
final class KarafFeatures implements FeatureInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(KarafFeatures.class);

    private final FeaturesService features;

    KarafFeatures(FeaturesService features) {
        this.features = features;
    }

    @Override
    public void ensureInstalled(String karafFeature) {
        try {
            Feature feature = features.getFeature(karafFeature);
            if (feature == null) {
                LOG.info("Karaf feature {} is not available (not built or its repository is not added);"
                        + " the entitlement is registered anyway", karafFeature);
                return;
            }
            if (features.isInstalled(feature)) {
                return;
            }
            LOG.info("Installing Karaf feature {} unlocked by a feature key", karafFeature);
            // No refresh: installing a capability must not restart bundles already running
            // (this one included), or mail flow would stutter.
            features.installFeature(karafFeature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            LOG.warn("Karaf feature {} could not be installed; install it with feature:install {}",
                    karafFeature, karafFeature, e);
        }
    }
}
