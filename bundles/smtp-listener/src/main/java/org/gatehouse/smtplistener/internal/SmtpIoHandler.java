package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSession;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects MINA's events to one {@link SmtpSession} per connection and enforces max.connections. */
final class SmtpIoHandler extends IoHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpIoHandler.class);
    private static final AttributeKey SMTP = new AttributeKey(SmtpIoHandler.class, "smtp");

    private final ListenerContext listener;
    private final ConnectionIds connectionIds;
    private final ListenerTls tls;
    private final AtomicInteger open = new AtomicInteger();
    private final Runnable onClose;

    SmtpIoHandler(ListenerContext listener, ConnectionIds connectionIds, ListenerTls tls, Runnable onClose) {
        this.listener = listener;
        this.connectionIds = connectionIds;
        this.tls = tls;
        this.onClose = onClose;
    }

    int openConnections() {
        return open.get();
    }

    @Override
    public void sessionOpened(IoSession session) {
        int count = open.incrementAndGet();
        session.setAttribute(SmtpIoHandler.class, Boolean.TRUE);
        MinaClientChannel channel = new MinaClientChannel(session, tls);
        long icid = connectionIds.next();
        if (count > listener.settings().maxConnections()) {
            new SessionLog(listener.services(), listener.settings().name(), icid)
                    .refused("too many connections from " + channel.remoteIp());
            channel.send((Replies.tooManyConnections(listener.settings().hostname()) + "\r\n").getBytes());
            channel.closeAfterWrites();
            return;
        }
        SmtpSession smtp = new SmtpSession(listener, channel, icid);
        session.setAttribute(SMTP, smtp);
        smtp.open(listener.hostConnections().opened(smtp.remoteIp));
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        SmtpSession smtp = (SmtpSession) session.getAttribute(SMTP);
        if (smtp != null) {
            smtp.received(((IoBuffer) message).buf());
        }
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        SmtpSession smtp = (SmtpSession) session.getAttribute(SMTP);
        if (smtp != null) {
            smtp.idle();
        } else {
            session.closeNow();
        }
    }

    @Override
    public void event(IoSession session, FilterEvent event) {
        SmtpSession smtp = (SmtpSession) session.getAttribute(SMTP);
        if (smtp != null && event == SslEvent.SECURED) {
            SSLSession ssl = (SSLSession) session.getAttribute(SslFilter.SSL_SECURED);
            if (ssl != null) {
                smtp.tlsEstablished(ssl.getProtocol(), ssl.getCipherSuite(), tls.clientCertificate(ssl));
            }
        }
    }

    @Override
    public void sessionClosed(IoSession session) {
        if (session.removeAttribute(SmtpIoHandler.class) == null) {
            return;
        }
        SmtpSession smtp = (SmtpSession) session.removeAttribute(SMTP);
        if (smtp != null) {
            smtp.closed();
            listener.hostConnections().closed(smtp.remoteIp);
        }
        open.decrementAndGet();
        onClose.run();
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        if (cause instanceof IOException) {
            // Peers reset connections all the time; the mail log says "lost".
            LOG.debug("Session {}: {}", session.getId(), cause.toString());
        } else {
            LOG.warn("Listener {}: session {} failed", listener.settings().name(), session.getId(), cause);
        }
        session.closeNow();
    }

    /** Asks every open session to finish its transaction and close. */
    void drain(Iterable<IoSession> sessions) {
        for (IoSession session : sessions) {
            SmtpSession smtp = (SmtpSession) session.getAttribute(SMTP);
            if (smtp != null) {
                smtp.drain();
            } else {
                session.closeOnFlush();
            }
        }
    }
}
