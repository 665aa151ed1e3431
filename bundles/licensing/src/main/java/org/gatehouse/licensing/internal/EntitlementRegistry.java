package org.gatehouse.licensing.internal;

import java.time.Instant;

/**
 * Where entitlements are published: in OSGi, one {@link org.gatehouse.api.Entitlement} service
 * per feature ({@link BundleEntitlements}); in unit tests, a plain map.
 */
interface EntitlementRegistry {

    /** Publishes the feature, or updates its expiry if it is already published. */
    void grant(String feature, Instant expires);

    /** Withdraws the feature; nothing happens if it is not published. */
    void revoke(String feature);
}
