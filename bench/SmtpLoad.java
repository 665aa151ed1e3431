import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMTP load with accept latency: N parallel sessions, one message per connection (as Internet
 * senders do), each timed from the final "." to the server's 250. Prints one line of figures.
 *
 * Usage: java SmtpLoad.java host port sessions messages sizeBytes [rcptDomain [tokensFile]]
 *
 * With -Ddump=FILE each message's latency in ms is written to FILE ("index ms" lines).
 * With -Drate=N (messages per second over all sessions) message i starts no earlier than i/N
 * seconds after the start: latency under a given load rather than at saturation, where it only
 * reflects the queue of sessions waiting for the server.
 *
 * Failures are counted apart: "refused" (the connection was refused or reset before the
 * banner) and "failed" (any other error or unexpected reply: a failed transaction); with
 * -Dfailures=FILE each failure's reason is written there. banner_max_ms is the longest wait from
 * connect to the 220 banner: what a client notices while a listener is being replaced.
 *
 * With -Dmix=DIR the messages are the files of DIR (whole .eml files, headers included), message
 * i being file i modulo their number, dot-stuffed for DATA; sizeBytes is then unused.
 *
 * With a tokens file, every message carries an X-Load-Token header and the token of each
 * message that got its 250 is appended to the file at once: what the durability check compares
 * with what arrived.
 */
public class SmtpLoad {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int sessions = Integer.parseInt(args[2]);
        int messages = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        String domain = args.length > 5 ? args[5] : "example.com";
        byte[] body = body(size);
        List<byte[]> mix = mix(System.getProperty("mix"));
        java.io.PrintWriter tokens = args.length > 6
                ? new java.io.PrintWriter(new java.io.FileWriter(args[6], true), true) : null;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        java.io.PrintWriter failures = System.getProperty("failures") == null ? null
                : new java.io.PrintWriter(new java.io.FileWriter(System.getProperty("failures"), true), true);
        long[] latencies = new long[messages];
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        double rate = Double.parseDouble(System.getProperty("rate", "0"));
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < messages) {
                    if (rate > 0) {
                        pace(start + (long) (i * 1e9 / rate));
                    }
                    try {
                        byte[] one = mix.isEmpty() ? body : mix.get(i % mix.size());
                        byte[] message = tokens == null ? one : withToken(one, i);
                        latencies[i] = send(host, port, domain, message);
                        if (tokens != null) {
                            synchronized (tokens) {
                                tokens.println("load-" + i);
                            }
                        }
                    } catch (java.net.ConnectException e) {
                        refused.incrementAndGet();
                        latencies[i] = -1;
                        report(failures, i, "refused: " + e.getMessage());
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        latencies[i] = -1;
                        report(failures, i, "failed: " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(30, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        String dump = System.getProperty("dump");
        if (dump != null) {
            try (java.io.PrintWriter w = new java.io.PrintWriter(dump)) {
                for (int k = 0; k < messages; k++) {
                    w.println(k + " " + latencies[k] / 1_000_000.0);
                }
            }
        }
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("accepted=%d failed=%d refused=%d seconds=%.2f accepted_per_s=%.1f p50_ms=%.2f p99_ms=%.2f "
                        + "max_ms=%.2f banner_max_ms=%.2f%n",
                ok.length, failed.get(), refused.get(), seconds, ok.length / seconds,
                pct(ok, 50), pct(ok, 99), ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6, BANNER_MAX.get() / 1e6);
    }

    /** Longest connect-to-banner wait seen, in nanoseconds. */
    static final java.util.concurrent.atomic.AtomicLong BANNER_MAX = new java.util.concurrent.atomic.AtomicLong();

    static void report(java.io.PrintWriter failures, int i, String reason) {
        if (failures != null) {
            synchronized (failures) {
                failures.println("message " + i + " " + reason);
            }
        }
    }

    /** Waits until the given System.nanoTime(); bounded by the run's own schedule. */
    static void pace(long due) throws InterruptedException {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The message files of a folder, sorted by name, ready for DATA; none without a folder. */
    static List<byte[]> mix(String dir) throws IOException {
        List<byte[]> all = new ArrayList<>();
        if (dir == null) {
            return all;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                String text = new String(java.nio.file.Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                        .replace("\r\n", "\n").replace("\n", "\r\n");
                if (!text.endsWith("\r\n")) {
                    text += "\r\n";
                }
                // Dot-stuffing: a line that starts with "." gets another one (RFC 5321 4.5.2).
                text = (text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..");
                all.add(text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return all;
    }

    static byte[] withToken(byte[] body, int i) {
        byte[] header = ("X-Load-Token: load-" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, idx)] / 1e6;
    }

    static byte[] body(int size) {
        StringBuilder b = new StringBuilder("From: <load@example.org>\r\nTo: <sink@example.com>\r\nSubject: load\r\n\r\n");
        while (b.length() < size) {
            b.append("The quick brown fox jumps over the lazy dog, load test line of text.\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One whole SMTP session; returns nanoseconds from end of data to the 250. */
    static long send(String host, int port, String domain, byte[] body) throws IOException {
        try (Socket s = new Socket()) {
            long connecting = System.nanoTime();
            s.connect(new InetSocketAddress(host, port), 10_000);
            s.setSoTimeout(60_000);
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            expect(in, '2');
            BANNER_MAX.accumulateAndGet(System.nanoTime() - connecting, Math::max);
            cmd(out, "EHLO load.example.org");
            expect(in, '2');
            cmd(out, "MAIL FROM:<load@example.org>");
            expect(in, '2');
            cmd(out, "RCPT TO:<sink@" + domain + ">");
            expect(in, '2');
            cmd(out, "DATA");
            expect(in, '3');
            out.write(body);
            long t0 = System.nanoTime();
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, '2');
            long latency = System.nanoTime() - t0;
            cmd(out, "QUIT");
            return latency;
        }
    }

    static void cmd(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads a whole (possibly multi-line) reply and checks its first digit. */
    static void expect(InputStream in, char first) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                line.append((char) c);
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                if (line.charAt(0) != first) {
                    throw new IOException("unexpected reply: " + line);
                }
                return;
            }
        }
    }
}
