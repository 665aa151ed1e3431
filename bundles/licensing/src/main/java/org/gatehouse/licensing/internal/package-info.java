/**
 * Licensing: owns feature keys. It verifies keys (Ed25519, trusted vendor keys from
 * {@code etc/org.gatehouse.licensing.cfg}), keeps installed keys in
 * {@code ${karaf.etc}/featurekeys}, runs the one evaluation of a new installation, and
 * publishes one {@link org.gatehouse.api.Entitlement} service per feature valid right now.
 * Capability components reference their entitlement, so Declarative Services starts and stops
 * them as licences come and go. The key format classes ({@link
 * org.gatehouse.licensing.internal.FeatureKeyFormat}, {@link
 * org.gatehouse.licensing.internal.Ed25519Keys}) are public only so the vendor's featurekey
 * tool can reuse them as a plain jar; nothing is exported.
 */
package org.gatehouse.licensing.internal;
