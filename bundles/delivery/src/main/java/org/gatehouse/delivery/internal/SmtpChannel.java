package org.gatehouse.delivery.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffered command and reply streams of one SMTP connection (a new one after STARTTLS).
 * Commands are written without flushing so that pipelined groups leave in one packet.
 */
final class SmtpChannel {

    private static final int MAX_LINE = 4096;
    private static final int MAX_REPLY_LINES = 200;

    private final InputStream in;
    private final OutputStream out;
    private final String peer;

    SmtpChannel(Socket socket, String peer) throws IOException {
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 32768);
        this.peer = peer;
    }

    /** The raw output, for message content. */
    OutputStream out() {
        return out;
    }

    SmtpReply command(String line) throws IOException {
        write(line);
        flush();
        return readReply();
    }

    void write(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    void flush() throws IOException {
        out.flush();
    }

    SmtpReply readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int count = 0; count < MAX_REPLY_LINES; count++) {
            String line = readLine();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2))
                    || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                throw new IOException("Malformed reply from " + peer + ": " + line);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new SmtpReply(Integer.parseInt(line.substring(0, 3)), lines, true);
            }
        }
        throw new IOException("Reply from " + peer + " has too many lines");
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed by " + peer);
            }
            if (b == '\n') {
                break;
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
