package org.gatehouse.antispam.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** An {@link AntispamConfig} with its declared defaults, some keys overridden (by method name). */
final class TestConfig {

    private TestConfig() {
    }

    static AntispamConfig with(Map<String, Object> overrides) {
        return (AntispamConfig) Proxy.newProxyInstance(AntispamConfig.class.getClassLoader(),
                new Class<?>[] {AntispamConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return AntispamConfig.class;
                    }
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }

    static AntispamConfig defaults() {
        return with(Map.of());
    }
}
