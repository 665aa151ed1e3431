package org.gatehouse.licensing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import org.gatehouse.api.Entitlement;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The OSGi side of the registry, against a stand-in BundleContext (no container). */
class BundleEntitlementsTest {

    private static final Instant X = Instant.parse("2027-01-01T00:00:00Z");
    private final List<String> events = new ArrayList<>();
    private final List<Object> services = new ArrayList<>();

    @Test
    void registersUpdatesAndWithdrawsOneServicePerFeature() {
        BundleEntitlements entitlements = new BundleEntitlements(context());
        entitlements.grant("antispam", X);
        entitlements.grant("antivirus", X);
        entitlements.grant("antispam", X.plusSeconds(60));
        entitlements.revoke("antivirus");
        entitlements.revoke("antivirus");
        entitlements.revokeAll();
        assertEquals(List.of(
                "register org.gatehouse.api.Entitlement gatehouse.feature=antispam expires=" + X,
                "register org.gatehouse.api.Entitlement gatehouse.feature=antivirus expires=" + X,
                "update antispam expires=" + X.plusSeconds(60),
                "unregister antivirus",
                "unregister antispam"), events);
        Entitlement antispam = (Entitlement) services.get(0);
        assertEquals("antispam", antispam.feature());
        assertEquals(X.plusSeconds(60), antispam.expires(), "the same service object carries the new expiry");
        assertSame(antispam, services.get(0));
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof Class<?> type)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Dictionary<?, ?> props = (Dictionary<?, ?>) args[2];
                    String feature = (String) props.get(Entitlement.FEATURE);
                    services.add(args[1]);
                    events.add("register " + type.getName() + " gatehouse.feature=" + feature
                            + " expires=" + props.get(BundleEntitlements.EXPIRES));
                    return registration(feature);
                });
    }

    private ServiceRegistration<?> registration(String feature) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setProperties" -> events.add("update " + feature + " expires="
                                + ((Dictionary<?, ?>) args[0]).get(BundleEntitlements.EXPIRES));
                        case "unregister" -> events.add("unregister " + feature);
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }
}
