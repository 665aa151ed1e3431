package org.gatehouse.maillog.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from every bundle without blocking and writes them on one background thread,
 * flushing whenever it has caught up, so a burst costs one write per batch, not per event.
 * Producers never wake the writer: it looks for new events every {@link #WRITE_INTERVAL_MILLIS}
 * (a dozen events per message would otherwise cost a dozen thread wake-ups); the log is at
 * most that late, and stopping wakes it at once.
 */
@Component(service = {MailLog.class, MailLogTail.class},
        configurationPid = "org.gatehouse.maillog",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MailLogConfig.class)
public final class MailLogService implements MailLog, MailLogTail {

    private static final Logger LOG = LoggerFactory.getLogger(MailLogService.class);
    private static final LogRecord STOP = new LogRecord(null, null, null);
    static final long WRITE_INTERVAL_MILLIS = 20;

    private final Path directory;
    private final Clock clock;
    private final Queue<LogRecord> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final AtomicLong lost = new AtomicLong();
    private final MailLogFiles files;
    private final Thread writer;

    @Activate
    public MailLogService(MailLogConfig config) throws IOException {
        this(directoryOf(config), config.queue_capacity(), Clock.systemDefaultZone());
    }

    MailLogService(Path directory, int capacity, Clock clock) throws IOException {
        this.directory = directory;
        this.clock = clock;
        this.capacity = Math.max(16, capacity);
        this.files = new MailLogFiles(directory, clock.getZone());
        this.writer = new Thread(this::writeLoop, "gatehouse-maillog");
        writer.setDaemon(true);
        writer.start();
    }

    private static Path directoryOf(MailLogConfig config) {
        if (!config.directory().isBlank()) {
            return Path.of(config.directory());
        }
        return Path.of(System.getProperty("karaf.data", "data"), "log");
    }

    @Override
    public void info(MailEvent event) {
        offer("Info", event);
    }

    @Override
    public void warning(MailEvent event) {
        offer("Warning", event);
    }

    private void offer(String level, MailEvent event) {
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            lost.incrementAndGet();
            return;
        }
        pending.add(new LogRecord(clock.instant(), level, event));
    }

    private void writeLoop() {
        try {
            while (true) {
                LogRecord r = pending.poll();
                if (r == null) {
                    reportLost();
                    files.flush();
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(WRITE_INTERVAL_MILLIS));
                    continue;
                }
                if (r == STOP) {
                    reportLost();
                    files.flush();
                    return;
                }
                queued.decrementAndGet();
                files.write(r);
            }
        } catch (IOException e) {
            LOG.error("Mail log cannot be written to {}; events from now on are lost", directory, e);
        }
    }

    /** Says in the log itself how many events were lost while the disk could not keep up. */
    private void reportLost() throws IOException {
        long n = lost.getAndSet(0);
        if (n > 0) {
            files.write(new LogRecord(clock.instant(), "Warning",
                    MailEvent.of("maillog.lost").with("lost", n)
                            .text(n + " mail log events lost: the log could not keep up")));
        }
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        // The stop marker bypasses the capacity, and it comes after every event already taken,
        // so nothing accepted before shutdown is dropped.
        pending.add(STOP);
        LockSupport.unpark(writer);
        writer.join(TimeUnit.SECONDS.toMillis(10));
        files.close();
    }

    @Override
    public List<String> tail(int lines) throws IOException {
        Path file = directory.resolve(MailLogFiles.TEXT);
        if (!Files.exists(file)) {
            return List.of();
        }
        return lastLines(file, lines);
    }

    /** Reads backwards from the end so a large log costs only what is shown. */
    static List<String> lastLines(Path file, int lines) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = 0;
            long pos = length;
            int seen = 0;
            byte[] buf = new byte[8192];
            search:
            while (pos > 0) {
                int n = (int) Math.min(buf.length, pos);
                pos -= n;
                raf.seek(pos);
                raf.readFully(buf, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    // The newline that ends the last line does not start a line of its own.
                    if (buf[i] == '\n' && pos + i != length - 1 && ++seen == lines) {
                        start = pos + i + 1;
                        break search;
                    }
                }
            }
            byte[] tail = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }
}
