package org.gatehouse.itests.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * A real SpamAssassin spamd (Debian spamassassin + spamd, installed by .ci/run) for the
 * anti-spam tests, started from inside the container: in the foreground on a loopback port,
 * local tests only ({@code -L}: no DNS block lists, no network), no per-user configuration, its
 * helper home in a folder of the test's own. It runs under {@code timeout}, so a crashed test run
 * cannot leave it behind for long. {@link #start()} may come later than construction: a test can
 * point Gatehouse at the port first, while nothing listens there.
 */
public final class TestSpamd implements Closeable {

    private static final Path SPAMD = Path.of("/usr/sbin/spamd");
    /** spamd loads its compiled rules in about a second; this bounds a slow CI machine. */
    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** The longest spamd may live, whatever happens to the test run. */
    private static final int LIFETIME_SECONDS = 900;

    private final Path dir;
    private final int port;
    private Process process;

    private TestSpamd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** A spamd that will listen on {@code port} once started, with its files in {@code dir}. */
    public static TestSpamd on(Path dir, int port) {
        if (!Files.isExecutable(SPAMD)) {
            throw new IllegalStateException(SPAMD + " is missing: install spamassassin and spamd (.ci/run does)");
        }
        return new TestSpamd(dir, port);
    }

    public int port() {
        return port;
    }

    /** Starts spamd and returns once it answers PING; fails with its output if it exits. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("spamd is already running on port " + port);
        }
        Path output = output();
        // Run as root, spamd drops to the user -u names for its children.
        process = new ProcessBuilder("timeout", Integer.toString(LIFETIME_SECONDS), SPAMD.toString(),
                "-L", "--listen=127.0.0.1:" + port, "--pidfile=" + dir.resolve("spamd.pid"),
                "--min-children=1", "--max-children=1", "--nouser-config", "-u", "nobody",
                "--syslog=stderr", "--helper-home-dir=" + dir)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        Process started = process;
        Awaitility.await("spamd answering on port " + port).atMost(STARTUP).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("spamd exited with " + started.exitValue() + ": " + log());
                    }
                    return answersPing();
                });
    }

    /** Stops spamd (SIGTERM to timeout, which passes it on) and waits until its port is closed. */
    public synchronized void stop() throws IOException {
        if (process == null) {
            return;
        }
        Processes.terminate(process, 20);
        process = null;
        Awaitility.await("spamd's port " + port + " closed").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).until(() -> !answersPing());
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** What spamd wrote (it logs each message's rules), for assertion messages. */
    public String log() throws IOException {
        Path output = output();
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    private Path output() {
        return dir.resolve("spamd.log");
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("PING SPAMC/1.5\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readNBytes(64), StandardCharsets.US_ASCII);
            return reply.startsWith("SPAMD/") && reply.contains("PONG");
        } catch (IOException e) {
            // Not listening (yet, or any more): that is the answer.
            return false;
        }
    }
}
