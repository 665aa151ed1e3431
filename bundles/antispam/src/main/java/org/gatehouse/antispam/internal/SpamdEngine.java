package org.gatehouse.antispam.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asks SpamAssassin's spamd over its own protocol ({@code SYMBOLS SPAMC/1.5}): one connection
 * per message, the answer's score mapped by {@link ScoreScale}, its rule names passed on.
 * spamd down, slow or answering an error is an {@link IOException}: the stage tempfails.
 */
final class SpamdEngine implements SpamEngine {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final ScoreScale scale;

    SpamdEngine(String host, int port, int timeoutMillis, ScoreScale scale) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.scale = scale;
    }

    @Override
    public SpamScore check(InputStream content, MessageFacts facts) throws IOException {
        byte[] message = MessageBytes.read(content);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            String request = "SYMBOLS SPAMC/1.5\r\nContent-length: " + message.length + "\r\nUser: gatehouse\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
            socket.shutdownOutput();
            return answer(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)));
        } catch (SocketTimeoutException e) {
            throw new IOException("spamd at " + host + ":" + port + " did not answer within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new IOException("spamd at " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    private SpamScore answer(BufferedReader in) throws IOException {
        String status = in.readLine();
        if (status == null || !status.startsWith("SPAMD/")) {
            throw new IOException("not a spamd answer: " + status);
        }
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[1].equals("0")) {
            throw new IOException("spamd refused the message: " + status);
        }
        Double points = null;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("spam:")) {
                points = spamHeaderScore(line);
            }
        }
        if (points == null) {
            throw new IOException("spamd answer without a Spam: header");
        }
        StringBuilder body = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            body.append(line);
        }
        List<String> symbols = new ArrayList<>();
        for (String symbol : body.toString().split(",")) {
            if (!symbol.isBlank()) {
                symbols.add(symbol.trim());
            }
        }
        return new SpamScore(scale.toScore(points), symbols);
    }

    /** {@code Spam: True ; 15.2 / 5.0} gives 15.2. */
    static double spamHeaderScore(String line) throws IOException {
        int semicolon = line.indexOf(';');
        int slash = line.indexOf('/', semicolon + 1);
        if (semicolon < 0 || slash < 0) {
            throw new IOException("unreadable spamd Spam: header: " + line);
        }
        try {
            return Double.parseDouble(line.substring(semicolon + 1, slash).trim());
        } catch (NumberFormatException e) {
            throw new IOException("unreadable spamd score: " + line, e);
        }
    }

    @Override
    public String describe() {
        return "spamd " + host + ":" + port;
    }
}
