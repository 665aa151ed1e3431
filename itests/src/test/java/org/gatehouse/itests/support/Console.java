package org.gatehouse.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Gatehouse console as an admin reaches it: OpenSSH's {@code ssh} with the test key of
 * etc/keys.properties (Karaf's bin/client is unreliable without a terminal). One command per
 * connection, bounded in time.
 */
public final class Console {

    /** Exit status and everything the command printed (stdout and stderr). */
    public record Result(int exitCode, String output) {
    }

    private static final String KEY_RESOURCE = "/ssh/gatehouse-test-key";

    private final int port;
    private final Path key;

    private Console(int port, Path key) {
        this.port = port;
        this.key = key;
    }

    /** A console client for 127.0.0.1:port; the private key is copied to a 0600 temp file. */
    public static Console onPort(int port) throws IOException {
        Path key = Files.createTempFile("gatehouse-test-key", "",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        key.toFile().deleteOnExit();
        try (InputStream in = Console.class.getResourceAsStream(KEY_RESOURCE)) {
            if (in == null) {
                throw new IOException("test key " + KEY_RESOURCE + " missing from the test classes");
            }
            Files.write(key, in.readAllBytes());
        }
        return new Console(port, key);
    }

    public Result run(String command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("gatehouse-ssh", ".out");
        try {
            Process ssh = new ProcessBuilder(List.of("ssh", "-n", "-p", Integer.toString(port), "-i", key.toString(),
                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "BatchMode=yes", "-o", "PasswordAuthentication=no", "-o", "ConnectTimeout=10",
                    "-o", "LogLevel=ERROR", "karaf@127.0.0.1", command))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!ssh.waitFor(60, TimeUnit.SECONDS)) {
                ssh.destroyForcibly();
                throw new IOException("ssh '" + command + "' did not finish within 60 s: " + Files.readString(output));
            }
            return new Result(ssh.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
