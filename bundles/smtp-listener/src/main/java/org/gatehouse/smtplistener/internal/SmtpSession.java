package org.gatehouse.smtplistener.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostAccess;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.api.RecipientCheck;
import org.gatehouse.api.Spool;
import org.gatehouse.api.TlsLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP conversation: the connection's life (HAT decision at connect, timeouts, close,
 * drain), EHLO/HELO, STARTTLS, MAIL, RCPT and the small commands; {@link MessageReception}
 * does DATA, BDAT and the commit, {@link ClientAuthentication} SMTP AUTH. Every entry point is synchronized: MINA calls in on its I/O thread,
 * the listener's executor on connect decisions and commit completions; {@link SessionInput}
 * splits the input and holds what the client pipelined while a step is pending.
 */
final class SmtpSession extends ClientAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSession.class);
    /**
     * What a client may say while its policy requires TLS and it has not started it; BDAT is
     * left to its own refusal, because its chunk follows and must be read past.
     */
    private static final Set<String> ALLOWED_BEFORE_TLS = Set.of("EHLO", "HELO", "NOOP", "QUIT", "STARTTLS", "RSET",
            "BDAT");

    private HostDecision decision;
    private HostAccess accessTable;
    private String helo;
    private boolean esmtp;
    private String tlsProtocol;
    /** STARTTLS was done: the filter is in place (the handshake may still be running). */
    private boolean tlsStarted;
    /** What the client showed when STARTTLS asked for a certificate; null until then. */
    private ClientCertificate clientCertificate;
    /** Connections the client's address had open on this listener when this one came, itself included. */
    private int connectionsFromHost;

    SmtpSession(ListenerContext listener, ClientChannel channel, long icid) {
        super(listener, channel, icid);
    }

    @Override
    String helo() {
        return helo;
    }

    @Override
    boolean esmtp() {
        return esmtp;
    }

    @Override
    boolean tlsStarted() {
        return tlsStarted;
    }

    @Override
    String tlsProtocol() {
        return tlsProtocol;
    }

    @Override
    HostDecision decision() {
        return decision;
    }

    // ---- connection lifecycle ---------------------------------------------------------------

    /**
     * The connection is open: decide on the host off the I/O thread when a HAT service is
     * bound (it may ask DNS); the built-in table only matches addresses, so it decides right
     * here and spares every connection two thread hand-offs.
     */
    synchronized void open(int connectionsFromHost) {
        this.connectionsFromHost = connectionsFromHost;
        waiting = true;
        channel.readTimeout(settings.idleTimeoutSeconds());
        HostAccess hat = listener.services().hostAccess();
        if (hat == null) {
            decide(listener.builtInAccess());
        } else {
            listener.executor().execute(() -> decide(hat));
        }
    }

    private void decide(HostAccess table) {
        HostDecision d;
        try {
            d = table.decide(settings.name(), remoteIp);
        } catch (RuntimeException e) {
            LOG.warn("Listener {}: host access decision for {} failed", settings.name(), remoteIp, e);
            d = null;
        }
        synchronized (this) {
            log.connected(settings.address(), remoteIp, d);
            if (closing || closed) {
                return;
            }
            if (d == null || d.policy() == null) {
                log.refused("host access decision failed");
                closeWith(Replies.temporaryFailure(settings.hostname()));
                return;
            }
            decision = d;
            accessTable = table;
            log.policy(d);
            AccessRule access = d.policy().access();
            if (access == AccessRule.TCPREFUSE) {
                closing = true;
                channel.closeAfterWrites();
                return;
            }
            if (access == AccessRule.REJECT) {
                closeWith(Greeting.reject(d.policy(), settings.hostname(), remoteIp));
                return;
            }
            int maxFromHost = d.policy().maxConnectionsPerIp();
            if (maxFromHost > 0 && connectionsFromHost > maxFromHost) {
                log.refused("too many connections from " + remoteIp + " (" + connectionsFromHost + ", policy "
                        + d.policy().name() + " allows " + maxFromHost + ")");
                closeWith(Replies.tooManyConnectionsFromHost(settings.hostname()));
                return;
            }
            reply(Greeting.banner(d.policy(), settings.hostname(), remoteIp));
            waiting = false;
            continueInput();
        }
    }

    /** The client said nothing for the read timeout. */
    synchronized void idle() {
        if (waiting || closing || closed) {
            return;
        }
        if (tx != null && tx.message != null) {
            log.messageAborted(tx.mid, "timeout");
        }
        abortTransaction();
        log.closed(false, "timeout");
        if (discardInput || (tlsStarted && tlsProtocol == null)) {
            // No reply can get through a TLS handshake that stalled.
            closing = true;
            channel.closeNow();
            return;
        }
        closeWith(Replies.timeout(settings.hostname()));
    }

    /** The connection is gone. A commit already under way completes; anything else is discarded. */
    synchronized void closed() {
        boolean lost = !closing;
        closed = true;
        closing = true;
        if (!waiting && tx != null) {
            if (tx.message != null) {
                log.messageAborted(tx.mid, "connection lost");
            }
            abortTransaction();
        }
        if (lost) {
            log.closed(true, null);
        }
    }

    /** The listener stops: finish the transaction under way, then say 421 and close. */
    synchronized void drain() {
        draining = true;
        if (!waiting && !closing && !closed && betweenTransactions()) {
            closeWith(Replies.shuttingDown(settings.hostname()));
        }
    }

    /** TLS is established (the handshake is done). */
    synchronized void tlsEstablished(String protocol, String cipher, ClientCertificate certificate) {
        tlsProtocol = protocol;
        log.tls(protocol, cipher);
        if (clientCertificate == null && decision != null && decision.policy().tls() == TlsLevel.REQUIRED_VERIFY_CLIENT) {
            clientCertificate = certificate;
            log.clientCertificate(certificate);
        }
    }

    private void tlsReady() {
        synchronized (this) {
            discardInput = false;
            tlsStarted = true;
            lines.reset();
        }
    }

    @Override
    void command(byte[] bytes, int length) {
        if (inAuthExchange()) {
            authResponse(bytes, length);
            return;
        }
        CommandDecoder decoded;
        try {
            decoded = CommandDecoder.decode(bytes, length);
            decoded.check8Bit(esmtp, tx != null && tx.smtpUtf8);
        } catch (SmtpReplyException e) {
            error(e.reply());
            return;
        }
        String verb = decoded.verb();
        String arg = decoded.arg();
        if (tlsMissing() && !ALLOWED_BEFORE_TLS.contains(verb)) {
            error(Replies.TLS_REQUIRED);
            return;
        }
        switch (verb) {
            case "EHLO" -> hello(arg, true);
            case "HELO" -> hello(arg, false);
            case "MAIL" -> mail(arg);
            case "RCPT" -> rcpt(arg);
            case "DATA" -> data(arg);
            case "BDAT" -> bdat(arg);
            case "RSET" -> {
                abortTransaction();
                reply(Replies.OK);
            }
            case "NOOP" -> reply(Replies.OK);
            case "QUIT" -> {
                abortTransaction();
                log.closed(false, null);
                closeWith(Replies.BYE);
            }
            case "VRFY" -> reply(Replies.VRFY);
            case "HELP" -> reply(Replies.HELP);
            case "STARTTLS" -> startTls(arg);
            case "AUTH" -> auth(arg);
            default -> error(Replies.UNRECOGNIZED);
        }
    }

    // ---- commands ----------------------------------------------------------------------------

    private void hello(String arg, boolean extended) {
        if (arg.isBlank()) {
            error(extended ? "501 5.5.4 Syntax: EHLO hostname" : "501 5.5.4 Syntax: HELO hostname");
            return;
        }
        abortTransaction();
        helo = arg.trim();
        esmtp = extended;
        if (extended) {
            Replies.ehlo(replies(), settings.hostname(), helo, sizeLimit(), tlsOffered(), authOffered());
        } else {
            reply("250 " + settings.hostname());
        }
    }

    /** The policy requires TLS (plain or with a client certificate) and the client has not started it. */
    private boolean tlsMissing() {
        TlsLevel tls = decision.policy().tls();
        return !tlsStarted && (tls == TlsLevel.REQUIRED || tls == TlsLevel.REQUIRED_VERIFY_CLIENT);
    }

    /**
     * The handshake's event normally came before the client's first command over TLS; if not,
     * the channel's TLS session answers.
     */
    private boolean clientCertificateVerified() {
        if (!tlsStarted) {
            return false;
        }
        if (clientCertificate == null) {
            ClientCertificate now = channel.clientCertificate();
            if (now == null) {
                return false;
            }
            clientCertificate = now;
            log.clientCertificate(now);
        }
        return clientCertificate.verified();
    }

    private boolean tlsOffered() {
        return !tlsStarted && channel.tlsAvailable() && decision.policy().tls() != TlsLevel.OFF;
    }

    private long sizeLimit() {
        long policy = decision.policy().maxMessageSize();
        return policy > 0 ? Math.min(policy, settings.maxMessageSize()) : settings.maxMessageSize();
    }

    private void mail(String arg) {
        if (helo == null) {
            error(Replies.HELO_FIRST);
            return;
        }
        if (tx != null) {
            error(Replies.NESTED_MAIL);
            return;
        }
        MailFlowPolicy policy = decision.policy();
        if (policy.tls() == TlsLevel.REQUIRED_VERIFY_CLIENT && !clientCertificateVerified()) {
            error(Replies.CLIENT_CERTIFICATE_REQUIRED);
            return;
        }
        if (authMissing()) {
            error(Replies.AUTH_REQUIRED);
            return;
        }
        if (policy.maxMessagesPerConnection() > 0 && messages >= policy.maxMessagesPerConnection()) {
            error(Replies.TOO_MANY_MESSAGES);
            return;
        }
        long sizeLimit = sizeLimit();
        MailParameters params;
        String from;
        try {
            PathArgument path = PathArgument.parse(arg, "FROM");
            params = MailParameters.of(path, esmtp, sizeLimit);
            from = Addresses.sender(params.from(), params.smtpUtf8(), settings);
        } catch (SmtpReplyException e) {
            error(e.reply());
            return;
        }
        Transaction t = new Transaction(-1, from, params.smtpUtf8(), params.body(), sizeLimit);
        Spool spool = listener.services().spool();
        if (spool != null && !allocateMid(spool, t)) {
            reply(Replies.SPOOL_UNAVAILABLE);
            return;
        }
        tx = t;
        reply(Replies.SENDER_OK);
    }

    private void rcpt(String arg) {
        if (tx == null) {
            error(noTransaction());
            return;
        }
        String to;
        try {
            to = Addresses.recipient(PathArgument.parse(arg, "TO"), tx.smtpUtf8, settings);
        } catch (SmtpReplyException e) {
            error(e.reply());
            return;
        }
        int max = decision.policy().maxRecipientsPerMessage();
        if (max > 0 && tx.recipients.size() >= max) {
            reply(Replies.TOO_MANY_RECIPIENTS);
            return;
        }
        // The RAT guards public listeners against relaying; an authenticated client may relay
        // (the HAT's hourly limits still count its recipients).
        RecipientCheck check = accessTable.checkRecipient(settings.name(),
                settings.type() == ListenerType.PUBLIC && !authenticated(), decision, to);
        if (check.outcome() != RecipientCheck.Outcome.ACCEPT) {
            log.recipientRejected(tx.mid, to, check.reply());
            if (check.outcome() == RecipientCheck.Outcome.REFUSE_AND_CLOSE) {
                abortTransaction();
                log.closed(false, check.reason());
                closeWith(check.reply());
            } else {
                error(check.reply());
            }
            return;
        }
        int rid = tx.addRecipient(to);
        if (tx.mid >= 0) {
            log.recipient(tx.mid, rid, to);
        }
        reply(Replies.RECIPIENT_OK);
    }

    private void startTls(String arg) {
        if (!arg.isBlank()) {
            error("501 5.5.4 Syntax: STARTTLS");
            return;
        }
        if (tlsStarted) {
            error(Replies.TLS_ACTIVE);
            return;
        }
        if (!tlsOffered()) {
            error(Replies.TLS_UNAVAILABLE);
            return;
        }
        // RFC 3207: forget everything learned in clear text; the client must EHLO again.
        abortTransaction();
        forgetAuthentication();
        helo = null;
        esmtp = false;
        discardInput = true;
        flush();
        channel.startTls((Replies.READY_FOR_TLS + "\r\n").getBytes(StandardCharsets.US_ASCII),
                decision.policy().tls() == TlsLevel.REQUIRED_VERIFY_CLIENT, this::tlsReady);
    }
}
