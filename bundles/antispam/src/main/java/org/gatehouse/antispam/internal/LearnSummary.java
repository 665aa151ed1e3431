package org.gatehouse.antispam.internal;

import java.nio.file.Path;

/**
 * What one learning run did.
 *
 * @param learned      messages newly learned
 * @param relearned    messages moved over from the other class
 * @param alreadyKnown messages learned before as this class (not counted twice)
 * @param unreadable   files that could not be read
 * @param model        where the site model was saved
 */
public record LearnSummary(int learned, int relearned, int alreadyKnown, int unreadable, Path model) {
}
