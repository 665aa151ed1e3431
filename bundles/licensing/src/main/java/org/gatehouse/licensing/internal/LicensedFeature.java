package org.gatehouse.licensing.internal;

import java.time.Instant;
import org.gatehouse.api.Entitlement;

/** The Entitlement service object; its expiry moves when a new key extends the feature. */
final class LicensedFeature implements Entitlement {

    private final String feature;
    private volatile Instant expires;

    LicensedFeature(String feature, Instant expires) {
        this.feature = feature;
        this.expires = expires;
    }

    @Override
    public String feature() {
        return feature;
    }

    @Override
    public Instant expires() {
        return expires;
    }

    void extendTo(Instant expires) {
        this.expires = expires;
    }

    @Override
    public String toString() {
        return "Entitlement[" + feature + " until " + expires + "]";
    }
}
