package org.gatehouse.smtplistener.internal;

import java.net.InetSocketAddress;

import javax.net.ssl.SSLSession;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.IoFutureListener;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A client connection as a MINA session. */
final class MinaClientChannel implements ClientChannel {

    private static final Logger LOG = LoggerFactory.getLogger(MinaClientChannel.class);
    static final String TLS_FILTER = "tls";
    /** A client that reads none of its replies while pipelining more is dropped, not buffered for. */
    static final long MAX_UNREAD_REPLIES = 256 * 1024;
    private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String[] CLIENT_CERTIFICATE_PROTOCOLS = {"TLSv1.2"};

    private final IoSession session;
    private final ListenerTls tls;

    MinaClientChannel(IoSession session, ListenerTls tls) {
        this.session = session;
        this.tls = tls;
    }

    @Override
    public String remoteIp() {
        InetSocketAddress remote = (InetSocketAddress) session.getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public void send(byte[] replies) {
        if (session.getScheduledWriteBytes() > MAX_UNREAD_REPLIES) {
            LOG.debug("Session {}: client does not read its replies, closing", session.getId());
            session.closeNow();
            return;
        }
        session.write(IoBuffer.wrap(replies));
    }

    @Override
    public void closeAfterWrites() {
        session.closeOnFlush();
    }

    @Override
    public void closeNow() {
        session.closeNow();
    }

    @Override
    public void readTimeout(int seconds) {
        session.getConfig().setIdleTime(IdleStatus.READER_IDLE, seconds);
    }

    @Override
    public boolean tlsAvailable() {
        return tls != null;
    }

    @Override
    public void startTls(byte[] reply, boolean askForClientCertificate, Runnable ready) {
        // MINA 2.2: the filter encrypts everything written after it is added, so the 220 goes
        // out first and the filter is added once it is written (on the I/O thread, before the
        // client can have seen the 220 and sent its ClientHello). Clear text that arrives in
        // between is dropped by the session.
        session.write(IoBuffer.wrap(reply)).addListener((IoFutureListener<WriteFuture>) future -> {
            if (!future.isWritten() || session.isClosing()) {
                session.closeNow();
                return;
            }
            try {
                SslFilter filter = new SslFilter(tls.context(askForClientCertificate));
                // TLS 1.2 when a client certificate is asked for: with TLS 1.3 the client sends its
                // first command right behind its Finished, and MINA 2.2.10's SslFilter, whose
                // delegated task (the certificate) completes on its own thread, leaves those bytes
                // in its buffer until more arrive: the session hangs. In TLS 1.2 the client waits
                // for our Finished first.
                filter.setEnabledProtocols(askForClientCertificate ? CLIENT_CERTIFICATE_PROTOCOLS : TLS_PROTOCOLS);
                // Want, not need: a client without a certificate still gets TLS and then a clear 530.
                filter.setWantClientAuth(askForClientCertificate && tls.asksForClientCertificates());
                session.getFilterChain().addFirst(TLS_FILTER, filter);
                ready.run();
            } catch (RuntimeException e) {
                LOG.warn("Session {}: cannot start TLS", session.getId(), e);
                session.closeNow();
            }
        });
    }

    @Override
    public String tlsProtocol() {
        SSLSession ssl = (SSLSession) session.getAttribute(SslFilter.SSL_SECURED);
        return ssl == null ? null : ssl.getProtocol();
    }

    @Override
    public ClientCertificate clientCertificate() {
        SSLSession ssl = (SSLSession) session.getAttribute(SslFilter.SSL_SECURED);
        return ssl == null || tls == null ? null : tls.clientCertificate(ssl);
    }
}
