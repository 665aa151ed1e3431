package org.gatehouse.api;

/**
 * What the installed feature keys allow right now, registered by the licensing bundle. The work
 * queue asks it when a gated stage goes away: licensed means the stage is being updated and
 * messages wait for it; not licensed means the stage is simply no longer expected. While no
 * Licences service is registered (licensing itself being updated) the answer is unknown.
 */
public interface Licences {

    /** True while a valid key (or the evaluation) covers the feature. */
    boolean licensed(String feature);
}
