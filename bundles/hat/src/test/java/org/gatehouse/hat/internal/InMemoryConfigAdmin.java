package org.gatehouse.hat.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Just enough Config Admin for the console's edits: factory configurations, listed by factory PID. */
final class InMemoryConfigAdmin implements ConfigurationAdmin {

    final Map<String, Stored> configs = new LinkedHashMap<>();
    int writes;

    final class Stored implements Configuration {
        private final String pid;
        private final String factoryPid;
        private Hashtable<String, Object> props;

        Stored(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return props == null ? null : new Hashtable<>(props);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(org.osgi.framework.ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> properties) {
            Hashtable<String, Object> copy = new Hashtable<>();
            for (Enumeration<String> k = properties.keys(); k.hasMoreElements(); ) {
                String key = k.nextElement();
                copy.put(key, properties.get(key));
            }
            copy.put("service.pid", pid);
            copy.put("service.factoryPid", factoryPid);
            props = copy;
            writes++;
        }

        @Override
        public void delete() {
            configs.remove(pid);
            writes++;
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public void update() {
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> properties) {
            update(properties);
            return true;
        }

        @Override
        public void setBundleLocation(String location) {
        }

        @Override
        public String getBundleLocation() {
            return null;
        }

        @Override
        public long getChangeCount() {
            return writes;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return EnumSet.noneOf(ConfigurationAttribute.class);
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
        }
    }

    /** Loads a configuration as if from etc/. */
    void load(String factoryPid, String name, Map<String, Object> props) {
        Stored s = (Stored) getFactoryConfiguration(factoryPid, name, "?");
        s.update(new Hashtable<>(props));
    }

    List<Map<String, Object>> propertiesOf(String factoryPid) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Stored s : configs.values()) {
            if (s.factoryPid.equals(factoryPid) && s.props != null) {
                out.add(new HashMap<>(s.props));
            }
        }
        return out;
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        return getFactoryConfiguration(factoryPid, "n" + configs.size(), "?");
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        return createFactoryConfiguration(factoryPid);
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        return configs.computeIfAbsent(factoryPid + "~" + name, pid -> new Stored(pid, factoryPid));
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, "?");
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return getConfiguration(pid);
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return configs.computeIfAbsent(pid, p -> new Stored(p, null));
    }

    @Override
    public Configuration[] listConfigurations(String filter) {
        String prefix = "(service.factoryPid=";
        String factoryPid = filter.substring(prefix.length(), filter.length() - 1);
        List<Configuration> out = new ArrayList<>();
        for (Stored s : configs.values()) {
            if (factoryPid.equals(s.factoryPid) && s.props != null) {
                out.add(s);
            }
        }
        return out.isEmpty() ? null : out.toArray(Configuration[]::new);
    }
}
