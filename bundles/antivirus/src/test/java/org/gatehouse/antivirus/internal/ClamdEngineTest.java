package org.gatehouse.antivirus.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clamd adapter against a real clamd started for the test, with a small custom database. */
class ClamdEngineTest {

    private static final Path CLAMD = Path.of("/usr/sbin/clamd");

    @TempDir
    static Path dir;

    private static Process clamd;
    private static int port;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void startClamd() throws IOException {
        if (!Files.isExecutable(CLAMD)) {
            return;
        }
        Path db = Files.createDirectories(dir.resolve("db"));
        try (InputStream in = SignatureLoader.class.getResourceAsStream(SignatureLoader.BUILTIN)) {
            Files.write(db.resolve("gatehouse.ndb"), in.readAllBytes());
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, String.join("\n", "Foreground yes", "TCPAddr 127.0.0.1", "TCPSocket " + port,
                "LocalSocket " + dir.resolve("clamd.sock"), "DatabaseDirectory " + db, "LogFile " + dir.resolve("clamd.log"),
                "PidFile " + dir.resolve("clamd.pid"), "TemporaryDirectory " + dir, "StreamMaxLength 1M",
                "AlertEncryptedArchive yes", "") );
        clamd = new ProcessBuilder(CLAMD.toString(), "--config-file=" + conf)
                .redirectErrorStream(true).redirectOutput(dir.resolve("clamd.out").toFile()).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> engine("127.0.0.1:" + port).version().startsWith("ClamAV"));
    }

    @AfterAll
    static void stopClamd() {
        if (clamd != null) {
            clamd.destroy();
        }
        WATCHDOG.shutdownNow();
    }

    private static ClamdEngine engine(String address) {
        return new ClamdEngine(address, Duration.ofSeconds(10), WATCHDOG);
    }

    private static void assumeClamd() {
        assumeTrue(clamd != null, "clamd is not installed (apt-get install clamav-daemon): clamd tests skipped");
    }

    @Test
    void cleanAndInfectedOverTcp() throws IOException {
        assumeClamd();
        ClamdEngine e = engine("127.0.0.1:" + port);
        assertEquals(ScanVerdict.CLEAN, e.scan("x", new ByteArrayInputStream("hello".getBytes())).verdict());
        ScanResult r = e.scan("x", new ByteArrayInputStream(Fixtures.mailWithAttachment("e.com", EicarTail.eicar())));
        assertEquals(ScanVerdict.INFECTED, r.verdict());
        assertEquals("Eicar-Test-Signature.UNOFFICIAL", r.signature());
    }

    @Test
    void infectedOverUnixSocket() throws IOException {
        assumeClamd();
        ScanResult r = engine(dir.resolve("clamd.sock").toString()).scan("x", new ByteArrayInputStream(EicarTail.eicar()));
        assertEquals(ScanVerdict.INFECTED, r.verdict());
    }

    @Test
    void overStreamLimitIsUnscannable() throws IOException {
        assumeClamd();
        ScanResult r = engine("127.0.0.1:" + port).scan("x", new ByteArrayInputStream(new byte[3 * 1024 * 1024]));
        assertEquals(ScanVerdict.UNSCANNABLE, r.verdict(), r.describe());
    }

    @Test
    void passwordZipIsEncrypted() throws IOException {
        assumeClamd();
        ScanResult r = engine("127.0.0.1:" + port).scan("x", new ByteArrayInputStream(Fixtures.resource("zip-password.zip")));
        assertEquals(ScanVerdict.ENCRYPTED, r.verdict(), r.describe());
    }

    @Test
    void engineDownThrows() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        IOException e = assertThrows(IOException.class,
                () -> engine("127.0.0.1:" + closed).scan("x", new ByteArrayInputStream(new byte[1])));
        assertTrue(e.getMessage().contains("clamd at 127.0.0.1:" + closed), e.getMessage());
    }

    @Test
    void silentEngineTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ClamdEngine e = new ClamdEngine("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300), WATCHDOG);
            Thread acceptor = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    held.getInputStream().readAllBytes();
                } catch (IOException ignored) {
                    // The test only needs a peer that never answers.
                }
            });
            acceptor.start();
            IOException ex = assertThrows(IOException.class, () -> e.scan("x", new ByteArrayInputStream(new byte[10])));
            assertTrue(ex.getMessage().contains("did not answer within"), ex.getMessage());
        }
    }

    @Test
    void repliesAreRead() throws IOException {
        assertEquals(ScanVerdict.CLEAN, ClamdReply.parse("stream: OK").verdict());
        assertEquals("Win.Test", ClamdReply.parse("stream: Win.Test FOUND").signature());
        assertEquals(ScanVerdict.ENCRYPTED, ClamdReply.parse("stream: Heuristics.Encrypted.Zip FOUND").verdict());
        assertEquals(ScanVerdict.UNSCANNABLE, ClamdReply.parse("stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND").verdict());
        assertEquals(ScanVerdict.UNSCANNABLE, ClamdReply.parse("INSTREAM size limit exceeded. ERROR").verdict());
        assertThrows(IOException.class, () -> ClamdReply.parse("stream: lstat() failed. ERROR"));
    }
}
