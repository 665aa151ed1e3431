package org.gatehouse.itests.support;

import java.io.ByteArrayOutputStream;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * A real clamd (Debian clamav-daemon, installed by .ci/run) for the anti-virus tests, started
 * from inside the container: TCP on a loopback port, in the foreground, with a small database of
 * our own (the official one cannot be downloaded here). It runs under {@code timeout}, so a
 * crashed test run cannot leave it behind for long. Stop and start it again to play "clamd went
 * down"; it comes back on the same port.
 *
 * <p>The database knows two signatures, and nothing else:
 * <ul>
 *   <li>{@link #CUSTOM_SIGNATURE}: body pattern ({@code .ndb}) of {@link #CUSTOM_TEXT}, which
 *       the embedded engine does not know;</li>
 *   <li>{@link #EICAR_SIGNATURE}: MD5 ({@code .hdb}) of the EICAR test file, computed now.</li>
 * </ul>
 * clamd reports signatures of unofficial databases with a {@code .UNOFFICIAL} suffix.
 */
public final class TestClamd implements Closeable {

    /** Text that only this clamd's database calls a virus. */
    public static final String CUSTOM_TEXT = "GATEHOUSE-CLAMD-ONLY-TEST-SIGNATURE";
    public static final String CUSTOM_SIGNATURE = "Gatehouse.Test.ClamdOnly";
    public static final String EICAR_SIGNATURE = "Gatehouse.Test.EicarHash";

    private static final Path CLAMD = Path.of("/usr/sbin/clamd");
    /** clamd loads two signatures in well under a second; this bounds a slow CI machine. */
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** The longest clamd may live, whatever happens to the test run. */
    private static final int LIFETIME_SECONDS = 900;

    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;

    private TestClamd(Path dir, Path config, int port) {
        this.dir = dir;
        this.config = config;
        this.port = port;
    }

    /** Writes the database and the configuration into {@code dir} and starts clamd on {@code port}. */
    public static TestClamd start(Path dir, int port) throws IOException {
        if (!Files.isExecutable(CLAMD)) {
            throw new IllegalStateException(CLAMD + " is missing: install clamav-daemon (.ci/run does)");
        }
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("gatehouse-itest.ndb"), CUSTOM_SIGNATURE + ":0:*:"
                + HexFormat.of().formatHex(CUSTOM_TEXT.getBytes(StandardCharsets.US_ASCII)) + "\n", StandardCharsets.US_ASCII);
        byte[] eicar = EicarTail.eicar().getBytes(StandardCharsets.US_ASCII);
        Files.writeString(db.resolve("gatehouse-itest.hdb"), md5(eicar) + ":" + eicar.length + ":" + EICAR_SIGNATURE + "\n",
                StandardCharsets.US_ASCII);
        Path config = dir.resolve("clamd.conf");
        Files.write(config, List.of(
                "Foreground yes",
                "TCPAddr 127.0.0.1",
                "TCPSocket " + port,
                "DatabaseDirectory " + db,
                "LogFile " + dir.resolve("clamd.log"),
                "PidFile " + dir.resolve("clamd.pid"),
                "TemporaryDirectory " + dir,
                "StreamMaxLength 10M"));
        TestClamd clamd = new TestClamd(dir, config, port);
        clamd.start();
        return clamd;
    }

    /** "127.0.0.1:port", as clamd.address takes it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts clamd (again) and returns once it answers PING; fails with its output if it exits. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("clamd is already running on " + address());
        }
        Path output = dir.resolve("clamd.out");
        process = new ProcessBuilder("timeout", Integer.toString(LIFETIME_SECONDS), CLAMD.toString(),
                "--config-file=" + config)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        Process started = process;
        Awaitility.await("clamd answering on " + address()).atMost(STARTUP).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("clamd exited with " + started.exitValue() + ": "
                                + Files.readString(output, StandardCharsets.UTF_8));
                    }
                    return answersPing();
                });
    }

    /** Stops clamd and waits until it has exited and its port is closed. */
    public synchronized void stop() throws IOException {
        if (process == null) {
            return;
        }
        Processes.terminate(process, 10);
        process = null;
        Awaitility.await("clamd's port " + port + " closed").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> !answersPing());
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** clamd's own log, for assertion messages. */
    public String log() throws IOException {
        Path log = dir.resolve("clamd.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            for (int b = in.read(); b > 0 && reply.size() < 64; b = in.read()) {
                reply.write(b);
            }
            return reply.toString(StandardCharsets.US_ASCII).trim().equals("PONG");
        } catch (IOException e) {
            // Not listening (yet, or any more): that is the answer.
            return false;
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
