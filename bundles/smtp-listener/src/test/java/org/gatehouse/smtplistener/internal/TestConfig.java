package org.gatehouse.smtplistener.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Builds listener settings the way DS would: metatype defaults, overridden by a few keys. */
final class TestConfig {

    private TestConfig() {
    }

    static ListenerConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        return (ListenerConfig) Proxy.newProxyInstance(ListenerConfig.class.getClassLoader(),
                new Class<?>[] {ListenerConfig.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    if (all.containsKey(key)) {
                        return all.get(key);
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    if ("annotationType".equals(method.getName())) {
                        return ListenerConfig.class;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A listener on a free loopback port, certificates in the given directory. */
    static ListenerSettings settings(Path tlsDirectory, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("port", 0);
        values.put("hostname", "mx.test");
        values.put("accept.domains", "example.com");
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return ListenerSettings.from(config(values), tlsDirectory);
    }
}
