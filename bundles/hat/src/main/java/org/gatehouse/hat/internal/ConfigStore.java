package org.gatehouse.hat.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The HAT's factory configurations in Config Admin, as the console reads and writes them. Karaf
 * persists what is written here into {@code etc/}.
 */
final class ConfigStore {

    /** One stored configuration and its properties (a copy to edit). */
    record Stored(Configuration configuration, Map<String, Object> properties) {
    }

    static final String LISTENER_PID = ListenerConfigPart.PID;
    static final String POLICY_PID = PolicyConfigPart.PID;
    static final String GROUP_PID = SenderGroupConfigPart.PID;

    private final ConfigurationAdmin admin;

    ConfigStore(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    List<Stored> list(String factoryPid) {
        try {
            Configuration[] found = admin.listConfigurations("(service.factoryPid=" + factoryPid + ")");
            List<Stored> out = new ArrayList<>();
            if (found != null) {
                for (Configuration c : found) {
                    if (c.getProperties() != null) {
                        out.add(new Stored(c, toMap(c.getProperties())));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad filter for " + factoryPid, e);
        }
    }

    /** A new factory configuration named after its listener and name, so that etc/ file names say what they hold. */
    void create(String factoryPid, String listener, String name, Map<String, Object> properties) {
        String alias = (listener + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        try {
            Configuration c = admin.getFactoryConfiguration(factoryPid, alias, "?");
            c.update(toDictionary(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void update(Stored stored) {
        try {
            stored.configuration().update(toDictionary(stored.properties()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Stored stored) {
        try {
            stored.configuration().delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            m.put(k, d.get(k));
        }
        return m;
    }

    private static Dictionary<String, Object> toDictionary(Map<String, Object> m) {
        Hashtable<String, Object> d = new Hashtable<>();
        m.forEach((k, v) -> {
            if (v != null) {
                d.put(k, v);
            }
        });
        return d;
    }
}
