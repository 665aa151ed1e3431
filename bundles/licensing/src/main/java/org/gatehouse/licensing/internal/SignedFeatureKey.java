package org.gatehouse.licensing.internal;

/**
 * A key as read from text, not yet trusted: the parsed body, the exact body bytes and the
 * signature over them, and the key in canonical text form (what is stored on disk).
 */
public record SignedFeatureKey(FeatureKey key, byte[] body, byte[] signature, String text) {
}
