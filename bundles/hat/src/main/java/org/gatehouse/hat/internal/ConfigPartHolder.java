package org.gatehouse.hat.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Modified;

/**
 * What the three config part components share: the raw properties, replaced in place on a
 * change so the service stays registered and the HAT never misses the part meanwhile. (The
 * {@code @Modified} method is inherited: bnd.bnd sets {@code -dsannotations-options: inherit}.)
 */
abstract class ConfigPartHolder implements HatConfigPart {

    private volatile Map<String, Object> properties;

    ConfigPartHolder(Map<String, Object> properties) {
        this.properties = Map.copyOf(properties);
    }

    @Modified
    void modified(Map<String, Object> changed) {
        this.properties = Map.copyOf(changed);
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
