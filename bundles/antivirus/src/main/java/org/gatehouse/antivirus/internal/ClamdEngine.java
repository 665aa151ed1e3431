package org.gatehouse.antivirus.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scans through a clamd with its INSTREAM command, over TCP or a Unix socket. One connection per
 * scan; a watchdog closes the connection when clamd takes longer than the timeout (socket
 * channels have no read timeout of their own), and the scan then throws: the message waits.
 */
final class ClamdEngine implements VirusEngine {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 4096;

    private final String address;
    /** Parsed once; null when the address is unusable, and every scan then says why. */
    private final SocketAddress target;
    private final String addressProblem;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog;

    ClamdEngine(String address, Duration timeout, ScheduledExecutorService watchdog) {
        this.address = address;
        this.timeout = timeout;
        this.watchdog = watchdog;
        SocketAddress parsed = null;
        String problem = null;
        try {
            parsed = socketAddress(address);
        } catch (IOException e) {
            // A wrong address is a configuration error: each scan fails (tempfail) with this reason.
            problem = e.getMessage();
        }
        this.target = parsed;
        this.addressProblem = problem;
    }

    @Override
    public String name() {
        return "clamd";
    }

    @Override
    public ScanResult scan(String name, InputStream content) throws IOException {
        return ClamdReply.parse(command("zINSTREAM", content));
    }

    /** clamd's version line (its {@code VERSION} command), to show that it answers. */
    String version() throws IOException {
        return command("zVERSION", null);
    }

    private String command(String command, InputStream stream) throws IOException {
        if (target == null) {
            throw new IOException(addressProblem);
        }
        try (SocketChannel channel = SocketChannel.open(target instanceof UnixDomainSocketAddress
                ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET)) {
            // Set before the close: the scan thread, woken by the close, must already see why.
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                timedOut.set(true);
                closeQuietly(channel);
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                channel.connect(target);
                OutputStream out = Channels.newOutputStream(channel);
                out.write((command + "\0").getBytes(StandardCharsets.US_ASCII));
                IOException sendFailed = null;
                try {
                    if (stream != null) {
                        sendChunks(stream, out);
                    }
                    out.flush();
                } catch (IOException e) {
                    // clamd stops reading past its StreamMaxLength but still says why: read that.
                    sendFailed = e;
                }
                try {
                    return readReply(Channels.newInputStream(channel));
                } catch (IOException e) {
                    if (sendFailed != null) {
                        sendFailed.addSuppressed(e);
                        throw sendFailed;
                    }
                    throw e;
                }
            } catch (IOException e) {
                throw new IOException("clamd at " + address + (timedOut.get() ? " did not answer within " + timeout.toSeconds() + "s"
                        : " failed: " + e.getMessage()), e);
            } finally {
                alarm.cancel(false);
            }
        }
    }

    private static void sendChunks(InputStream stream, OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = stream.readNBytes(buffer, 0, buffer.length)) > 0) {
            out.write(ByteBuffer.allocate(4).putInt(n).array());
            out.write(buffer, 0, n);
        }
        out.write(new byte[4]);
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < MAX_REPLY) {
            reply.write(b);
        }
        if (reply.size() == 0) {
            throw new IOException("connection closed without a reply");
        }
        return reply.toString(StandardCharsets.UTF_8).trim();
    }

    private static SocketAddress socketAddress(String address) throws IOException {
        if (address.startsWith("/") || address.startsWith("unix:")) {
            return UnixDomainSocketAddress.of(Path.of(address.startsWith("unix:") ? address.substring(5) : address));
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IOException("clamd.address must be host:port or a socket path, not " + address);
        }
        try {
            return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IOException("clamd.address has no port number: " + address, e);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // The scan thread reports the timeout; a failed close adds nothing to it.
            org.slf4j.LoggerFactory.getLogger(ClamdEngine.class).debug("closing a timed-out clamd connection", e);
        }
    }
}
