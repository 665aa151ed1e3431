package org.gatehouse.delivery.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted SMTP server for tests: raw ServerSocket on 127.0.0.1, one thread per connection,
 * replies per RCPT from a function, everything it saw recorded.
 */
final class SmtpSink implements AutoCloseable {

    /** One mail transaction the sink saw; {@code data} is the DATA text as sent (dot-stuffed, without the final dot). */
    record Transaction(String mailFrom, List<String> recipients, byte[] data) {
        String dataText() {
            return new String(data, StandardCharsets.UTF_8);
        }

        /** The content with the dot-stuffing undone. */
        String content() {
            String text = dataText();
            return (text.startsWith(".") ? text.substring(1) : text).replace("\r\n.", "\r\n");
        }
    }

    volatile String greeting = "220 sink.test ESMTP";
    volatile List<String> extensions = List.of("PIPELINING", "SIZE 10000000", "8BITMIME");
    volatile Function<String, String> rcptReply = address -> "250 2.1.5 Ok";
    volatile String dataReply = "250 2.0.0 Ok: queued";
    /** When set, the reply to the end of DATA waits until this latch opens. */
    volatile CountDownLatch holdDataReply;
    /** Hang up instead of answering the end of DATA (connection lost mid-transaction). */
    volatile boolean hangUpAtEndOfData;
    /** Connections open right now, and the most there ever were at once. */
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();
    /** Hang up right after each accepted message, like a server whose idle timeout ran out. */
    volatile boolean hangUpAfterMessage;
    /** The reply to STARTTLS; {@code "220 close"} means say 220 and hang up (TLS broken after 220). */
    volatile String startTlsReply = "454 4.7.0 TLS not available";

    /** When set, a 2xx reply to STARTTLS is followed by a real TLS handshake with this context. */
    volatile SSLContext tls;
    final List<String> tlsProtocols = new CopyOnWriteArrayList<>();

    final AtomicInteger connections = new AtomicInteger();
    final List<Transaction> transactions = new CopyOnWriteArrayList<>();
    final List<String> commands = new CopyOnWriteArrayList<>();

    private final ServerSocket server;
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

    SmtpSink() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "smtp-sink-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long count(String verb) {
        return commands.stream().filter(c -> c.toUpperCase().startsWith(verb)).count();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(socket), "smtp-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        Socket socket = plain;
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try (plain) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            reply(out, greeting);
            if (!greeting.startsWith("2")) {
                return;
            }
            String from = null;
            List<String> rcpts = new ArrayList<>();
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                commands.add(line);
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    StringBuilder ehlo = new StringBuilder("250");
                    List<String> offered = new ArrayList<>(extensions);
                    if (startTlsReply != null) {
                        offered.add("STARTTLS");
                    }
                    ehlo.append(offered.isEmpty() ? " " : "-").append("sink.test");
                    for (int i = 0; i < offered.size(); i++) {
                        ehlo.append("\r\n250").append(i == offered.size() - 1 ? " " : "-").append(offered.get(i));
                    }
                    reply(out, ehlo.toString());
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 sink.test");
                } else if (upper.startsWith("STARTTLS")) {
                    if (startTlsReply.equals("220 close")) {
                        reply(out, "220 2.0.0 Ready to start TLS");
                        return;
                    }
                    reply(out, startTlsReply);
                    if (tls != null && startTlsReply.startsWith("2")) {
                        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                                null, socket.getPort(), true);
                        secure.setUseClientMode(false);
                        secure.startHandshake();
                        tlsProtocols.add(secure.getSession().getProtocol());
                        socket = secure;
                        sockets.add(secure);
                        in = new BufferedInputStream(secure.getInputStream());
                        out = secure.getOutputStream();
                    }
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = between(line);
                    rcpts.clear();
                    reply(out, "250 2.1.0 Ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    String address = between(line);
                    String answer = rcptReply.apply(address);
                    if (answer.startsWith("2")) {
                        rcpts.add(address);
                    }
                    reply(out, answer);
                } else if (upper.equals("DATA")) {
                    if (from == null || rcpts.isEmpty()) {
                        reply(out, "554 5.5.1 No valid recipients");
                        continue;
                    }
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    for (String dataLine = readLine(in); !".".equals(dataLine); dataLine = readLine(in)) {
                        if (dataLine == null) {
                            return;
                        }
                        data.write((dataLine + "\r\n").getBytes(StandardCharsets.UTF_8));
                    }
                    transactions.add(new Transaction(from, List.copyOf(rcpts), data.toByteArray()));
                    from = null;
                    if (hangUpAtEndOfData) {
                        return;
                    }
                    CountDownLatch hold = holdDataReply;
                    if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
                        return;
                    }
                    reply(out, dataReply);
                    if (hangUpAfterMessage) {
                        return;
                    }
                } else if (upper.equals("RSET")) {
                    from = null;
                    rcpts.clear();
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // The client went away: the test looks at what was recorded.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    private static String between(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open);
        return line.substring(open + 1, close);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
