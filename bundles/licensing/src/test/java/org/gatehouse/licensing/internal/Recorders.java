package org.gatehouse.licensing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;

/** Plain in-memory stand-ins for the registry, the mail log and Karaf's features. */
final class Recorders {

    private Recorders() {
    }

    static final class Registry implements EntitlementRegistry {
        final Map<String, Instant> published = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void grant(String feature, Instant expires) {
            published.put(feature, expires);
            calls.add("grant " + feature);
        }

        @Override
        public void revoke(String feature) {
            published.remove(feature);
            calls.add("revoke " + feature);
        }
    }

    static final class Log implements MailLog {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(MailEvent event) {
            lines.add("Info: " + event.text());
        }

        @Override
        public void warning(MailEvent event) {
            lines.add("Warning: " + event.text());
        }

        List<String> warnings() {
            return lines.stream().filter(l -> l.startsWith("Warning: ")).toList();
        }
    }

    static final class Installer implements FeatureInstaller {
        final List<String> installed = new CopyOnWriteArrayList<>();

        @Override
        public void ensureInstalled(String karafFeature) {
            installed.add(karafFeature);
        }
    }
}
