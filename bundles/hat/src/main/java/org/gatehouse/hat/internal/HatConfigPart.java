package org.gatehouse.hat.internal;

/**
 * One factory configuration of the HAT (a listener, a policy or a sender group), registered as a
 * service by its own small component so that Config Admin and metatype describe each kind, and
 * collected by {@link HostAccessTable}, which reads the raw configuration from the service's
 * properties (unset parameters are absent, so policies can inherit).
 */
public interface HatConfigPart {

    enum Kind { LISTENER, POLICY, SENDER_GROUP }

    Kind kind();
}
