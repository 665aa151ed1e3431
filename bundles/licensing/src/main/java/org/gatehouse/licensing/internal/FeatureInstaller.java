package org.gatehouse.licensing.internal;

/** Installs and starts the Karaf feature that a licensed feature unlocks. */
interface FeatureInstaller {

    /**
     * Makes sure the Karaf feature is installed. Never throws: a feature that does not exist
     * yet or fails to install is logged, and the licence still stands.
     */
    void ensureInstalled(String karafFeature);
}
