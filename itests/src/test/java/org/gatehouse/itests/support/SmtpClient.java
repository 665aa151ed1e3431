package org.gatehouse.itests.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare SMTP client on a plain socket, so a test can say exactly the bytes it wants, including
 * the hostile ones no well-behaved library would send (bare LF, over-long lines, pipelining where
 * it is not allowed). Every read has a timeout: a server that hangs fails the test, it does not
 * hang it.
 */
public final class SmtpClient implements Closeable {

    private static final int MAX_REPLY_LINES = 100;
    private static final int MAX_LINE = 64 * 1024;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpClient(Socket socket) throws IOException {
        use(socket);
    }

    private void use(Socket connected) throws IOException {
        this.socket = connected;
        this.in = new BufferedInputStream(connected.getInputStream());
        this.out = connected.getOutputStream();
    }

    /**
     * Runs the TLS handshake after the server's 220 to STARTTLS. Fails if the server already
     * sent anything else in clear text (it would sit unread in the plain buffer).
     */
    public void upgradeToTls() throws IOException {
        if (in.available() > 0) {
            throw new IOException("server sent clear text after its STARTTLS reply");
        }
        use(TrustingTls.handshake(socket));
    }

    /** {@link #upgradeToTls()} showing a client certificate when the server asks for one. */
    public void upgradeToTls(javax.net.ssl.KeyManager[] clientKeys) throws IOException {
        if (in.available() > 0) {
            throw new IOException("server sent clear text after its STARTTLS reply");
        }
        use(TrustingTls.handshake(socket, clientKeys));
    }

    /** Connects to 127.0.0.1:port; the greeting is left unread (see {@link #readReply()}). */
    public static SmtpClient connect(int port) throws IOException {
        return connectFrom("127.0.0.1", port);
    }

    /**
     * Connects to 127.0.0.1:port from another loopback address (any of 127.0.0.0/8 on Linux), so
     * a test can play a host the HAT treats differently.
     */
    public static SmtpClient connectFrom(String sourceAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(sourceAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        return new SmtpClient(socket);
    }

    /** Sends one command line; CRLF is added. */
    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends bytes exactly as given. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public SmtpReply command(String line) throws IOException {
        send(line);
        return readReply();
    }

    /** Reads one (possibly multi-line) reply. */
    public SmtpReply readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < MAX_REPLY_LINES; i++) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed by the server after " + lines);
            }
            if (line.length() < 3) {
                throw new IOException("not an SMTP reply: '" + line + "'");
            }
            int code = Integer.parseInt(line.substring(0, 3));
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new SmtpReply(code, lines);
            }
        }
        throw new IOException("reply longer than " + MAX_REPLY_LINES + " lines");
    }

    /** True once the server has closed the connection (reads EOF within the socket timeout). */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** EHLO, MAIL, RCPT..., DATA and the content; returns the reply to the final dot. */
    public SmtpReply sendMail(String from, List<String> recipients, String message) throws IOException {
        expect(readReply(), 220);
        expect(command("EHLO client.test"), 250);
        expect(command("MAIL FROM:<" + from + ">"), 250);
        for (String rcpt : recipients) {
            expect(command("RCPT TO:<" + rcpt + ">"), 250);
        }
        expect(command("DATA"), 354);
        return data(message);
    }

    /** Sends a message body after 354 (dot-stuffed, CRLF line ends) and reads the reply. */
    public SmtpReply data(String message) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String line : message.split("\r?\n", -1)) {
            body.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        body.append(".\r\n");
        sendRaw(body.toString().getBytes(StandardCharsets.ISO_8859_1));
        return readReply();
    }

    public static SmtpReply expect(SmtpReply reply, int code) throws IOException {
        if (reply.code() != code) {
            throw new IOException("expected " + code + " but got " + reply);
        }
        return reply;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (line.size() < MAX_LINE) {
            int b = in.read();
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = previous == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException("reply line longer than " + MAX_LINE + " bytes");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
