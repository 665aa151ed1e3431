package org.gatehouse.itests.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The "internal mail server" of the tests: a small SMTP server on 127.0.0.1 that accepts every
 * message and keeps it in memory. Gatehouse's route for example.com points at its port.
 * Test code only: it trusts its peer and knows just enough SMTP for a relay to talk to it.
 */
public final class SmtpSink implements Closeable {

    private static final int MAX_LINE = 1000 * 1000;
    private static final int MAX_SESSIONS = 16;

    private final ServerSocket server;
    private final ExecutorService sessions = Executors.newFixedThreadPool(MAX_SESSIONS + 1, runnable -> {
        Thread thread = new Thread(runnable, "test-smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<ReceivedMail> received = new CopyOnWriteArrayList<>();

    private SmtpSink(ServerSocket server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:port (the port the route in the container points at). */
    public static SmtpSink start(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        SmtpSink sink = new SmtpSink(server);
        sink.sessions.execute(sink::acceptLoop);
        return sink;
    }

    public List<ReceivedMail> received() {
        return List.copyOf(received);
    }

    /** Messages whose content contains {@code marker} (tests put a unique one in the subject). */
    public List<ReceivedMail> receivedWith(String marker) {
        List<ReceivedMail> matching = new ArrayList<>();
        for (ReceivedMail mail : received) {
            if (mail.contains(marker)) {
                matching.add(mail);
            }
        }
        return matching;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (open.size() >= MAX_SESSIONS) {
                    socket.close();
                    continue;
                }
                open.add(socket);
                sessions.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new IllegalStateException("sink accept failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(60_000);
            new Session(socket.getInputStream(), socket.getOutputStream()).run();
        } catch (SocketException e) {
            // closed by close() or by the peer: the session simply ends
            return;
        } catch (IOException e) {
            throw new IllegalStateException("sink session failed", e);
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        sessions.shutdownNow();
        try {
            sessions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One SMTP conversation. */
    private final class Session {
        private final InputStream in;
        private final OutputStream out;
        private String mailFrom;
        private final List<String> recipients = new ArrayList<>();

        Session(InputStream in, OutputStream out) {
            this.in = new BufferedInputStream(in);
            this.out = out;
        }

        void run() throws IOException {
            reply("220 sink.test ESMTP test sink");
            for (String line = readLine(); line != null; line = readLine()) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply("250-sink.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO" -> reply("250 sink.test");
                    case "MAIL" -> {
                        mailFrom = address(line);
                        recipients.clear();
                        reply("250 2.1.0 ok");
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        reply("250 2.1.5 ok");
                    }
                    case "DATA" -> {
                        reply("354 go ahead");
                        received.add(new ReceivedMail(mailFrom, List.copyOf(recipients), readContent()));
                        reply("250 2.0.0 ok: kept by the test sink");
                    }
                    case "RSET" -> {
                        mailFrom = null;
                        recipients.clear();
                        reply("250 2.0.0 ok");
                    }
                    case "NOOP" -> reply("250 2.0.0 ok");
                    case "QUIT" -> {
                        reply("221 2.0.0 bye");
                        return;
                    }
                    default -> reply("502 5.5.2 not implemented by the test sink");
                }
            }
        }

        private String readContent() throws IOException {
            StringBuilder content = new StringBuilder();
            for (String line = readLine(); line != null; line = readLine()) {
                if (line.equals(".")) {
                    return content.toString();
                }
                content.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
            throw new IOException("connection lost inside DATA");
        }

        private String address(String line) {
            int open = line.indexOf('<');
            int close = line.indexOf('>', open + 1);
            return open >= 0 && close > open ? line.substring(open + 1, close) : "";
        }

        private void reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (line.size() < MAX_LINE) {
                int b = in.read();
                if (b == -1) {
                    return null;
                }
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(b);
            }
            throw new IOException("line longer than " + MAX_LINE + " bytes");
        }
    }
}
