package org.gatehouse.queue.internal;

/**
 * One row of {@code gatehouse:pipeline}.
 *
 * @param feature  the feature key that gates the stage, or null
 * @param licensed yes, no, unknown (licensing away), or "-" for a stage no key gates
 * @param state    active, disabled, waiting (messages wait for it) or not expected
 * @param version  the bundle version of the running stage, or "-" when absent
 * @param waiting  messages held back while it is awaited
 */
public record StageView(String name, int order, String feature, String licensed, String state, String version,
                        int waiting) {
}
