package org.gatehouse.licensing.internal;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gatehouse.api.Entitlement;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Publishes entitlements as services with {@code gatehouse.feature=<name>}. A new expiry only
 * updates the service's properties: the registration stays, so capability components bound to
 * it are not restarted when a key is renewed.
 */
final class BundleEntitlements implements EntitlementRegistry {

    static final String EXPIRES = "gatehouse.feature.expires";

    private record Published(LicensedFeature entitlement, ServiceRegistration<Entitlement> registration) {
    }

    private final BundleContext context;
    /** Concurrent so that {@link #licensed} never waits behind a grant or revoke in progress. */
    private final Map<String, Published> published = new ConcurrentHashMap<>();

    BundleEntitlements(BundleContext context) {
        this.context = context;
    }

    @Override
    public synchronized void grant(String feature, Instant expires) {
        Published p = published.get(feature);
        if (p != null) {
            p.entitlement().extendTo(expires);
            p.registration().setProperties(properties(feature, expires));
            return;
        }
        LicensedFeature entitlement = new LicensedFeature(feature, expires);
        published.put(feature, new Published(entitlement,
                context.registerService(Entitlement.class, entitlement, properties(feature, expires))));
    }

    @Override
    public synchronized void revoke(String feature) {
        Published p = published.remove(feature);
        if (p != null) {
            p.registration().unregister();
        }
    }

    /** True while the feature is published; false from the moment its revocation starts. */
    boolean licensed(String feature) {
        return published.containsKey(feature);
    }

    /** Withdraws every entitlement, e.g. when the licensing component stops. */
    synchronized void revokeAll() {
        published.values().forEach(p -> p.registration().unregister());
        published.clear();
    }

    private static Dictionary<String, Object> properties(String feature, Instant expires) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Entitlement.FEATURE, feature);
        props.put(EXPIRES, expires.toString());
        return props;
    }
}
