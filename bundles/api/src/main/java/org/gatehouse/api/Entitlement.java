package org.gatehouse.api;

import java.time.Instant;

/**
 * A licensed feature, registered by the licensing bundle while its key is valid, with service
 * property {@value #FEATURE}. Capability components reference it with target
 * {@code (gatehouse.feature=<name>)}, so they are active only while licensed.
 */
public interface Entitlement {

    String FEATURE = "gatehouse.feature";

    String feature();

    Instant expires();
}
