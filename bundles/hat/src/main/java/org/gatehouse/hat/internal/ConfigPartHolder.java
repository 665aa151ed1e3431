package org.gatehouse.hat.internal;

import org.osgi.service.component.annotations.Modified;

/**
 * What the three config part components share: a {@code @Modified} method, so that a change of
 * their configuration updates the service's properties in place (the service stays registered and
 * the HAT, which reads the parts' service properties, never misses the part meanwhile). The method
 * is inherited: bnd.bnd sets {@code -dsannotations-options: inherit}.
 */
abstract class ConfigPartHolder implements HatConfigPart {

    @Modified
    void modified() {
        // Nothing to keep here: the new configuration reaches the HAT as the service's properties.
    }
}
