package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** The product as shipped: the distribution boots and the gatehouse feature is up. */
public class DistributionBootIT extends GatehouseTestSupport {

    @Inject
    private FeaturesService features;

    @Test
    public void gatehouseFeatureIsInstalledAtBoot() throws Exception {
        Feature gatehouse = features.getFeature("gatehouse");
        assertNotNull("gatehouse feature known to the container", gatehouse);
        assertTrue("gatehouse feature installed", features.isInstalled(gatehouse));
        for (String capability : new String[] {"maillog", "queue", "smtp-listener", "delivery", "licensing"}) {
            Feature feature = features.getFeature("gatehouse-" + capability);
            assertNotNull(feature);
            assertTrue("gatehouse-" + capability + " installed", features.isInstalled(feature));
        }
    }

    @Test
    public void everyGatehouseBundleIsActive() {
        within(60).untilAsserted(() -> {
            for (String name : GATEHOUSE_BUNDLES) {
                Bundle bundle = bundle(name);
                assertEquals(name + " state", stateName(Bundle.ACTIVE), stateName(bundle.getState()));
            }
        });
    }

    /** The DS components are wired: each capability's service is registered. */
    @Test
    public void everyGatehouseServiceIsRegistered() {
        for (String service : new String[] {"org.gatehouse.api.Spool", "org.gatehouse.api.DeliveryQueue",
                "org.gatehouse.api.MailLog"}) {
            within(60).until(() -> bundleContext.getServiceReference(service) != null);
        }
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
