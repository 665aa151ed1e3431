package org.gatehouse.smtplistener.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.SmtpAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMTP AUTH (RFC 4954) of a session: whether it is offered, the SASL exchange, verification of
 * the credentials against {@link SmtpUsers} off the I/O thread, failures (each counted as an
 * error and answered late, so guessing is slow; too many end the session) and what an
 * authenticated client gets: its identity in the spool and the right to relay.
 */
abstract class ClientAuthentication extends MessageReception {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthentication.class);

    /** The SASL exchange waiting for the client's next line, or null. */
    private SaslExchange exchange;
    private String authenticatedUser;
    private int authFailures;

    ClientAuthentication(ListenerContext listener, ClientChannel channel, long icid) {
        super(listener, channel, icid);
    }

    @Override
    final String authenticatedUser() {
        return authenticatedUser;
    }

    /** A SASL exchange is under way: the next line is its response, not a command. */
    final boolean inAuthExchange() {
        return exchange != null;
    }

    /** An over-long line ends a SASL exchange that waits: the next line is a command again. */
    @Override
    final void lineTooLong() {
        exchange = null;
        super.lineTooLong();
    }

    /** STARTTLS forgets everything learned in clear text, the identity too (RFC 3207). */
    final void forgetAuthentication() {
        exchange = null;
        authenticatedUser = null;
    }

    /** AUTH is in EHLO: the policy offers it, and the connection is encrypted (or clear text is allowed). */
    final boolean authOffered() {
        return decision().policy().smtpAuth() != SmtpAuth.OFF && (tlsStarted() || settings.authAllowCleartext());
    }

    /** The policy wants AUTH before MAIL and the client has not authenticated. */
    final boolean authMissing() {
        return decision().policy().smtpAuth() == SmtpAuth.REQUIRED && authenticatedUser == null;
    }

    /** An authenticated client relays (the RAT is not asked), as mail clients submitting through a gateway expect. */
    final boolean authenticated() {
        return authenticatedUser != null;
    }

    final void auth(String arg) {
        if (!esmtp()) {
            error(helo() == null ? Replies.HELO_FIRST : "503 5.5.1 Send EHLO first");
            return;
        }
        if (decision().policy().smtpAuth() == SmtpAuth.OFF) {
            error(Replies.AUTH_NOT_OFFERED);
            return;
        }
        if (!authOffered()) {
            error(Replies.AUTH_NEEDS_TLS);
            return;
        }
        if (authenticatedUser != null) {
            error(Replies.AUTH_TWICE);
            return;
        }
        if (tx != null) {
            error(Replies.AUTH_IN_TRANSACTION);
            return;
        }
        next(SaslExchange.start(arg));
    }

    /** The client's line while an exchange waits for it. */
    final void authResponse(byte[] bytes, int length) {
        SaslExchange current = exchange;
        exchange = null;
        next(current.respond(new String(bytes, 0, length, StandardCharsets.ISO_8859_1)));
    }

    private void next(SaslExchange.Step step) {
        if (step instanceof SaslExchange.Challenge challenge) {
            exchange = challenge.exchange();
            reply(challenge.reply());
        } else if (step instanceof SaslExchange.Refusal refusal) {
            error(refusal.reply());
        } else if (step instanceof SaslExchange.Credentials credentials) {
            verify(credentials);
        }
    }

    /** PBKDF2 takes a good part of a second: it runs on the listener's executor, input waits meanwhile. */
    private void verify(SaslExchange.Credentials credentials) {
        SmtpUsers users = listener.services().smtpUsers();
        if (users == null) {
            credentials.wipe();
            reply(Replies.AUTH_UNAVAILABLE);
            return;
        }
        waiting = true;
        flush();
        try {
            listener.executor().execute(() -> check(users, credentials));
        } catch (RejectedExecutionException e) {
            // The listener is stopping.
            credentials.wipe();
            waiting = false;
            closeWith(Replies.shuttingDown(settings.hostname()));
        }
    }

    private void check(SmtpUsers users, SaslExchange.Credentials credentials) {
        boolean ok;
        try {
            ok = users.verify(credentials.user(), credentials.password());
        } catch (RuntimeException e) {
            LOG.warn("Listener {}: cannot verify SMTP AUTH credentials", settings.name(), e);
            answered(Replies.AUTH_UNAVAILABLE);
            return;
        } finally {
            credentials.wipe();
        }
        if (ok) {
            succeeded(credentials);
            return;
        }
        Executor later = CompletableFuture.delayedExecutor(settings.authFailureDelayMillis(), TimeUnit.MILLISECONDS,
                listener.executor());
        try {
            later.execute(() -> failed(credentials));
        } catch (RejectedExecutionException e) {
            failed(credentials);
        }
    }

    private synchronized void succeeded(SaslExchange.Credentials credentials) {
        authenticatedUser = credentials.user();
        log.authentication(credentials.user(), credentials.mechanism(), true);
        answered(Replies.AUTH_OK);
    }

    private synchronized void failed(SaslExchange.Credentials credentials) {
        log.authentication(credentials.user(), credentials.mechanism(), false);
        waiting = false;
        if (closing || closed) {
            return;
        }
        if (++authFailures >= settings.authMaxFailures()) {
            log.closed(false, "too many failed authentications");
            closeWith(Replies.tooManyAuthFailures(settings.hostname()));
            return;
        }
        error(Replies.AUTH_FAILED);
        continueInput();
    }

    private synchronized void answered(String reply) {
        waiting = false;
        if (closing || closed) {
            return;
        }
        reply(reply);
        continueInput();
    }
}
