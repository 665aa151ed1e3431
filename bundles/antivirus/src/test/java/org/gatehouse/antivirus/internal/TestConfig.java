package org.gatehouse.antivirus.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** An {@link AntivirusConfig} with its defaults, some of them overridden (keys as in the cfg file: {@code action.infected}). */
final class TestConfig {

    private TestConfig() {
    }

    static AntivirusConfig antivirus(Map<String, Object> overrides) {
        return (AntivirusConfig) Proxy.newProxyInstance(AntivirusConfig.class.getClassLoader(),
                new Class<?>[] {AntivirusConfig.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    if (overrides.containsKey(key)) {
                        return overrides.get(key);
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> AntivirusConfig.class;
                        case "toString" -> "AntivirusConfig" + overrides;
                        case "hashCode" -> overrides.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> method.getDefaultValue();
                    };
                });
    }
}
