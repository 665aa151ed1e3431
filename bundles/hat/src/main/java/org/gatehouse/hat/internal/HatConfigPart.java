package org.gatehouse.hat.internal;

import java.util.Map;

/**
 * One factory configuration of the HAT (a listener, a policy or a sender group), registered as a
 * service by its own small component so that Config Admin and metatype describe each kind, and
 * collected by {@link HostAccessTable}.
 */
public interface HatConfigPart {

    enum Kind { LISTENER, POLICY, SENDER_GROUP }

    Kind kind();

    /** The raw configuration properties (unset parameters are absent, so policies can inherit). */
    Map<String, Object> properties();
}
