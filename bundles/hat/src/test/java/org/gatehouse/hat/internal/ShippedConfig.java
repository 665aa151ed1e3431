package org.gatehouse.hat.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** The .cfg files shipped in bundles/hat/etc, read as Config Admin would hand them over (Strings). */
final class ShippedConfig {

    final List<Map<String, Object>> listeners = new ArrayList<>();
    final List<Map<String, Object>> policies = new ArrayList<>();
    final List<Map<String, Object>> groups = new ArrayList<>();

    /** Where the distribution's default etc/ files live: the tests compile exactly what ships. */
    static final Path SHIPPED_ETC = Path.of("..", "..", "karaf-features", "src", "main", "resources", "etc");

    ShippedConfig() {
        try (Stream<Path> files = Files.list(SHIPPED_ETC)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("org.gatehouse.hat.listener-")) {
                    listeners.add(read(f));
                } else if (name.startsWith("org.gatehouse.hat.policy-")) {
                    policies.add(read(f));
                } else if (name.startsWith("org.gatehouse.hat.sendergroup-")) {
                    groups.add(read(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, ListenerTable> compile() {
        return HatCompiler.compile(listeners, policies, groups);
    }

    /** The config of the named part, to change it in a test. */
    Map<String, Object> find(List<Map<String, Object>> kind, String listener, String name) {
        return kind.stream().filter(m -> listener.equals(m.get("listener"))
                && (name == null || name.equals(m.get("name")))).findFirst().orElseThrow();
    }

    static Map<String, Object> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> map = new HashMap<>();
        p.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }
}
