package org.gatehouse.licensing.internal;

import java.time.Instant;
import java.util.List;

/** What the console commands ask of licensing (a service of this bundle only). */
public interface FeatureKeys {

    /** The id the vendor binds keys to. */
    String installationId();

    /** The licensing clock's now, for "days left". */
    Instant now();

    /** Every feature known from keys or the evaluation, by name. */
    List<FeatureStatus> features();

    List<FeatureKey> installedKeys();

    /** Verifies and installs a key given as text; on refusal nothing changes. */
    FeatureKey install(String text) throws FeatureKeyException;

    /** Removes the key with this id, or the keys that unlock only this feature; returns their ids. */
    List<String> remove(String keyIdOrFeature) throws FeatureKeyException;
}
