package org.gatehouse.hat.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-host hourly counters shared by every listener. Its own component, so that a change of the
 * HAT's configuration (which re-creates the table component) keeps the counts and cut-offs; an
 * update of the bundle or a restart keeps them too: they are saved to
 * {@code ${karaf.data}/hat/host-counters} when the component stops and read back when it starts
 * (a host cut off by DHAP stays cut off across an upgrade).
 * Memory is bounded: hosts idle for an hour are forgotten, and past {@code capacity} hosts the
 * least recently seen ones go first.
 */
@Component(service = HostCounters.class)
public final class HostCounters {

    private static final Logger LOG = LoggerFactory.getLogger(HostCounters.class);
    static final int DEFAULT_CAPACITY = 100_000;
    private static final int SWEEP_EVERY = 4096;

    private final Clock clock;
    private final int capacity;
    private final Map<String, HostRecord> hosts = new ConcurrentHashMap<>();
    private final AtomicInteger newHosts = new AtomicInteger();
    private final ReentrantLock sweeping = new ReentrantLock();
    private long warnedAt = Long.MIN_VALUE;

    /** Where the counts wait across a bundle update or restart; null: not kept (tests). */
    private final Path saved;

    @Activate
    public HostCounters(BundleContext context) {
        this(Clock.systemUTC(), DEFAULT_CAPACITY, savedFile(context.getProperty("karaf.data")));
    }

    HostCounters(Clock clock, int capacity) {
        this(clock, capacity, null);
    }

    HostCounters(Clock clock, int capacity, Path saved) {
        this.clock = clock;
        this.capacity = capacity;
        this.saved = saved;
        if (saved != null) {
            restore(saved);
        }
    }

    private static Path savedFile(String karafData) {
        return Path.of(karafData == null ? "data" : karafData, "hat", "host-counters");
    }

    /** Reads the counts an earlier instance saved, then deletes the file: a crash later must not bring back stale counts. */
    private void restore(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        int bad = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                int sp = line.indexOf(' ');
                try {
                    HostRecord r = HostRecord.restore(line.substring(sp + 1));
                    if (!r.idle(now())) {
                        hosts.put(line.substring(0, sp), r);
                    }
                } catch (RuntimeException e) {
                    bad++;
                }
            }
            Files.delete(file);
        } catch (IOException e) {
            LOG.warn("Host counters in {} could not be read; counting starts afresh: {}", file, e.toString());
        }
        if (bad > 0) {
            LOG.warn("Host counters in {}: {} unreadable lines skipped", file, bad);
        }
        LOG.info("Host counters: {} hosts' counts and cut-offs carried over from {}", hosts.size(), file);
    }

    @Deactivate
    void save() {
        if (saved == null) {
            return;
        }
        long now = now();
        StringBuilder out = new StringBuilder();
        hosts.forEach((ip, r) -> {
            if (!r.idle(now)) {
                out.append(ip).append(' ').append(r.save()).append('\n');
            }
        });
        try {
            Files.createDirectories(saved.getParent());
            Path tmp = saved.resolveSibling(saved.getFileName() + ".tmp");
            Files.writeString(tmp, out, StandardCharsets.US_ASCII);
            Files.move(tmp, saved, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Host counters could not be saved to {}; they start afresh: {}", saved, e.toString());
        }
    }

    long now() {
        return clock.millis();
    }

    /** The record of a host, created on first use. */
    HostRecord host(String ip) {
        HostRecord r = hosts.get(ip);
        if (r != null) {
            return r;
        }
        r = hosts.computeIfAbsent(ip, k -> new HostRecord(now()));
        if (newHosts.incrementAndGet() % SWEEP_EVERY == 0 || hosts.size() > capacity) {
            sweep();
        }
        return r;
    }

    /** The record of a host if it has one (the console looks without creating). */
    HostRecord peek(String ip) {
        return hosts.get(ip);
    }

    int size() {
        return hosts.size();
    }

    /** Forgets idle hosts; when still over capacity, the least recently seen. One thread sweeps at a time. */
    void sweep() {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            long now = now();
            hosts.values().removeIf(r -> r.idle(now));
            int excess = hosts.size() - capacity;
            if (excess > 0) {
                List<Map.Entry<String, HostRecord>> all = new ArrayList<>(hosts.entrySet());
                all.sort(Comparator.comparingLong(e -> e.getValue().lastSeen()));
                // Drop a tenth more than needed, so that a flood of new hosts does not sort on every insert.
                int drop = Math.min(all.size(), excess + capacity / 10);
                for (int i = 0; i < drop; i++) {
                    hosts.remove(all.get(i).getKey(), all.get(i).getValue());
                }
                if (warnedAt == Long.MIN_VALUE || now - warnedAt >= 60_000) {
                    warnedAt = now;
                    LOG.warn("Host counters over capacity ({} hosts): forgetting the least recently seen", capacity);
                }
            }
        } finally {
            sweeping.unlock();
        }
    }
}
