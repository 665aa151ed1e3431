package org.gatehouse.delivery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound SMTP connection on a plain blocking socket: greeting, EHLO (HELO when refused),
 * opportunistic STARTTLS, then any number of mail transactions ({@link #send}) with RSET
 * between them. Not thread-safe: one worker uses it at a time.
 */
final class SmtpSession {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSession.class);

    private final NextHop hop;
    private final long dcid;
    private Socket socket;
    private SmtpChannel wire;
    private ServerExtensions extensions = ServerExtensions.NONE;
    private String tlsProtocol;
    private int transactions;
    private volatile boolean broken;

    private SmtpSession(NextHop hop, long dcid) {
        this.hop = hop;
        this.dcid = dcid;
    }

    /**
     * Connects, reads the greeting and says EHLO (and STARTTLS when offered and wanted).
     *
     * @throws HopFailure when this host cannot take mail now: connect failed, greeting not 2xx
     */
    static SmtpSession open(NextHop hop, long dcid, SessionSettings settings) throws HopFailure {
        try {
            return openOnce(hop, dcid, settings, settings.tls() != null);
        } catch (TlsRefusedEarly e) {
            // The connection broke before the server's 220 to STARTTLS: clear text is allowed.
            LOG.debug("STARTTLS to {} failed before 220, retrying in clear text", hop, e);
            try {
                return openOnce(hop, dcid, settings, false);
            } catch (TlsRefusedEarly impossible) {
                throw new HopFailure(SmtpReply.local(451, "4.4.2 " + impossible.getMessage()));
            }
        }
    }

    private static SmtpSession openOnce(NextHop hop, long dcid, SessionSettings settings, boolean tryTls)
            throws HopFailure, TlsRefusedEarly {
        SmtpSession session = new SmtpSession(hop, dcid);
        try {
            session.connect(settings);
            SmtpReply greeting = session.wire.readReply();
            if (!greeting.positive()) {
                session.quit();
                throw new HopFailure(new SmtpReply(greeting.code(), greeting.lines(), true));
            }
            session.hello(settings.ehloName());
            if (tryTls && session.extensions.startTls()) {
                session.startTls(settings);
            }
            return session;
        } catch (IOException e) {
            session.closeQuietly();
            String why = e instanceof SocketTimeoutException ? "timed out" : e.getMessage();
            throw new HopFailure(SmtpReply.local(451, "4.4.1 Connection to " + hop + " failed: " + why));
        }
    }

    private void connect(SessionSettings settings) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(hop.socketAddress(), (int) settings.connectTimeout().toMillis());
        socket.setSoTimeout((int) settings.commandTimeout().toMillis());
        streams();
    }

    private void streams() throws IOException {
        wire = new SmtpChannel(socket, hop.toString());
    }

    private void hello(String name) throws IOException {
        SmtpReply reply = wire.command("EHLO " + name);
        if (reply.positive()) {
            extensions = ServerExtensions.parse(reply);
            return;
        }
        reply = wire.command("HELO " + name);
        if (!reply.positive()) {
            throw new IOException("HELO refused: " + reply);
        }
        extensions = ServerExtensions.NONE;
    }

    private void startTls(SessionSettings settings) throws IOException, TlsRefusedEarly {
        SmtpReply reply;
        try {
            reply = wire.command("STARTTLS");
        } catch (IOException e) {
            closeQuietly();
            throw new TlsRefusedEarly(e.getMessage());
        }
        if (reply.code() != 220) {
            // Refused before 220: the session goes on in clear text, as opportunistic TLS allows.
            LOG.debug("{} refused STARTTLS: {}", hop, reply);
            return;
        }
        // From here on a failure does not fall back: the caller tries the next host.
        SSLSocketFactory factory = settings.tls();
        SSLSocket tls = (SSLSocket) factory.createSocket(socket, hop.name(), hop.port(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        streams();
        tlsProtocol = tls.getSession().getProtocol();
        hello(settings.ehloName());
    }

    /**
     * Runs one mail transaction for these recipients and says what became of each (by RID).
     * Replies made up locally (size, SMTPUTF8) mean nothing was sent.
     *
     * @throws StaleConnection a reused connection was dead: nothing happened, try a new one
     * @throws IOException the connection broke; the outcome of the recipients is unknown
     */
    Map<Integer, SmtpReply> send(QueuedMessage message, List<Recipient> recipients) throws IOException {
        Map<Integer, SmtpReply> outcome = new LinkedHashMap<>();
        boolean smtpUtf8 = needsSmtpUtf8(message, recipients);
        SmtpReply refusal = checkCapabilities(message, smtpUtf8);
        if (refusal != null) {
            recipients.forEach(r -> outcome.put(r.rid(), refusal));
            return outcome;
        }
        transactions++;
        broken = true;
        String mailFrom = mailFromCommand(message, smtpUtf8);
        List<SmtpReply> rcptReplies = new ArrayList<>();
        SmtpReply mailReply;
        SmtpReply dataReply;
        if (extensions.pipelining()) {
            if (transactions > 1) {
                // RSET rides in the same group as MAIL: one round trip less per reused message.
                try {
                    wire.write("RSET");
                    writeEnvelope(mailFrom, recipients);
                    if (!wire.readReply().positive()) {
                        throw new StaleConnection(hop + " refused RSET");
                    }
                } catch (StaleConnection e) {
                    throw e;
                } catch (IOException e) {
                    throw new StaleConnection(hop + " closed the reused connection: " + e.getMessage());
                }
            } else {
                writeEnvelope(mailFrom, recipients);
            }
            mailReply = wire.readReply();
            for (int i = 0; i < recipients.size(); i++) {
                rcptReplies.add(wire.readReply());
            }
            dataReply = wire.readReply();
        } else {
            mailReply = wire.command(mailFrom);
            if (!mailReply.positive()) {
                recipients.forEach(r -> outcome.put(r.rid(), mailReply));
                broken = false;
                return outcome;
            }
            for (Recipient r : recipients) {
                rcptReplies.add(wire.command("RCPT TO:<" + r.address() + ">"));
            }
            boolean anyAccepted = rcptReplies.stream().anyMatch(SmtpReply::positive);
            dataReply = anyAccepted ? wire.command("DATA") : null;
        }
        List<Recipient> accepted = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            SmtpReply reply = mailReply.positive() ? rcptReplies.get(i) : mailReply;
            if (reply.positive()) {
                accepted.add(recipients.get(i));
            } else {
                outcome.put(recipients.get(i).rid(), reply);
            }
        }
        if (dataReply != null && dataReply.code() == 354) {
            if (accepted.isEmpty()) {
                // RFC 2920: the server took DATA though no recipient was accepted; end it empty.
                wire.write(".");
                wire.flush();
                wire.readReply();
            } else {
                writeContent(message);
                SmtpReply finalReply = wire.readReply();
                accepted.forEach(r -> outcome.put(r.rid(), finalReply));
            }
        } else if (!accepted.isEmpty()) {
            SmtpReply refused = dataReply;
            accepted.forEach(r -> outcome.put(r.rid(), refused));
        }
        broken = false;
        return outcome;
    }

    /** MAIL, RCPTs and DATA in one pipelined group. */
    private void writeEnvelope(String mailFrom, List<Recipient> recipients) throws IOException {
        wire.write(mailFrom);
        for (Recipient r : recipients) {
            wire.write("RCPT TO:<" + r.address() + ">");
        }
        wire.write("DATA");
        wire.flush();
    }

    private SmtpReply checkCapabilities(QueuedMessage message, boolean smtpUtf8) {
        if (smtpUtf8 && !extensions.smtpUtf8()) {
            return new SmtpReply(553, List.of("5.6.7 " + hop.name()
                    + " does not support SMTPUTF8, which the message needs"), false);
        }
        if (extensions.maxSize() > 0 && message.size() > extensions.maxSize()) {
            return new SmtpReply(552, List.of("5.3.4 Message size " + message.size()
                    + " exceeds the limit of " + hop.name() + " (" + extensions.maxSize() + ")"), false);
        }
        return null;
    }

    private static boolean needsSmtpUtf8(QueuedMessage message, List<Recipient> recipients) {
        return message.envelope().smtpUtf8() || !ascii(message.envelope().mailFrom())
                || recipients.stream().anyMatch(r -> !ascii(r.address()));
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    private String mailFromCommand(QueuedMessage message, boolean smtpUtf8) {
        StringBuilder command = new StringBuilder("MAIL FROM:<")
                .append(message.envelope().mailFrom()).append('>');
        if (extensions.maxSize() >= 0) {
            command.append(" SIZE=").append(message.size());
        }
        String body = message.envelope().body();
        if (extensions.eightBitMime() && body != null && !body.equalsIgnoreCase("7BIT")) {
            command.append(" BODY=8BITMIME");
        }
        if (extensions.smtpUtf8() && smtpUtf8) {
            command.append(" SMTPUTF8");
        }
        return command.toString();
    }

    private void writeContent(QueuedMessage message) throws IOException {
        DotStuffingOutputStream data = new DotStuffingOutputStream(wire.out());
        byte[] buffer = new byte[16384];
        try (InputStream content = message.openContent()) {
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                data.write(buffer, 0, n);
            }
        }
        data.finish();
    }

    /**
     * Gets a used connection ready for the next transaction (RSET), which also checks that the
     * server has not closed it meanwhile. False means: open a new connection instead. With
     * PIPELINING the RSET goes with the next MAIL instead (see {@link StaleConnection}).
     */
    boolean reset() {
        if (transactions == 0 || extensions.pipelining()) {
            return usable();
        }
        try {
            if (wire.command("RSET").positive()) {
                return true;
            }
        } catch (IOException e) {
            LOG.debug("RSET to {} failed: {}", hop, e.getMessage());
        }
        broken = true;
        return false;
    }

    /** Says QUIT and closes; the answer does not matter. */
    void quit() {
        if (socket == null || socket.isClosed()) {
            return;
        }
        try {
            if (!broken) {
                wire.write("QUIT");
                wire.flush();
                wire.readReply();
            }
        } catch (IOException e) {
            LOG.debug("QUIT to {} failed: {}", hop, e.getMessage());
        } finally {
            closeQuietly();
        }
    }

    /** Cuts the connection from another thread; the transaction in progress fails with an IOException. */
    void abort() {
        broken = true;
        closeQuietly();
    }

    private void closeQuietly() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the connection to {} failed", hop, e);
        }
    }

    NextHop hop() {
        return hop;
    }

    long dcid() {
        return dcid;
    }

    int transactions() {
        return transactions;
    }

    /** The TLS protocol when STARTTLS succeeded, else null. */
    String tlsProtocol() {
        return tlsProtocol;
    }

    String localAddress() {
        return socket.getLocalAddress().getHostAddress();
    }

    String remoteAddress() {
        return socket.getInetAddress().getHostAddress();
    }

    boolean usable() {
        return !broken && socket != null && !socket.isClosed();
    }

    /** STARTTLS failed before the server's 220: a clear-text retry is allowed. */
    private static final class TlsRefusedEarly extends Exception {
        TlsRefusedEarly(String message) {
            super("STARTTLS failed before 220: " + message);
        }
    }
}
