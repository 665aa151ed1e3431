package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's STARTTLS: its certificate, and for policies with TLS required-verify-client the
 * CAs of {@code tls.client.ca} that may sign client certificates.
 *
 * <p>When a client certificate is asked for, the handshake takes whatever certificate the client
 * proves it holds the key of (the CA list is sent so that clients pick the right one); the chain is
 * then checked against the CA list once the handshake is done. A client with a wrong certificate
 * thus gets a clear {@code 530 5.7.0 Client certificate required} from the session instead of a
 * handshake alert that says nothing, and resumed TLS sessions are checked the same way.
 */
final class ListenerTls {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerTls.class);

    private final SSLContext server;
    private final SSLContext askingForClientCertificate;
    private final X509TrustManager clientCas;

    private ListenerTls(SSLContext server, SSLContext askingForClientCertificate, X509TrustManager clientCas) {
        this.server = server;
        this.askingForClientCertificate = askingForClientCertificate;
        this.clientCas = clientCas;
    }

    /**
     * The listener's TLS. A broken key store throws (the listener then offers no STARTTLS); a
     * broken CA list only costs client verification: the error is logged and no client
     * certificate verifies.
     */
    static ListenerTls load(ListenerSettings settings) throws IOException, GeneralSecurityException {
        KeyManager[] keys = ListenerCertificate.keyManagers(settings.tlsKeystore(), settings.tlsPassword(),
                settings.hostname());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keys, null, new SecureRandom());
        if (settings.tlsClientCa() == null) {
            return new ListenerTls(server, null, null);
        }
        try {
            X509TrustManager cas = trustManager(settings.tlsClientCa());
            SSLContext asking = SSLContext.getInstance("TLS");
            asking.init(keys, new TrustManager[] {new AnyClientCertificate(cas.getAcceptedIssuers())}, new SecureRandom());
            return new ListenerTls(server, asking, cas);
        } catch (IOException | GeneralSecurityException e) {
            LOG.error("Listener {}: cannot read the client CA list {}; no client certificate will verify",
                    settings.name(), settings.tlsClientCa(), e);
            return new ListenerTls(server, null, null);
        }
    }

    /** The CA certificates of a PEM file (one or more), as a PKIX trust manager. */
    static X509TrustManager trustManager(Path pem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in " + pem);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + n++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** The context for STARTTLS: one that asks for a client certificate when the policy wants one. */
    SSLContext context(boolean askForClientCertificate) {
        return askForClientCertificate && askingForClientCertificate != null ? askingForClientCertificate : server;
    }

    /** Whether a client certificate can be asked for at all (a CA list is configured). */
    boolean asksForClientCertificates() {
        return askingForClientCertificate != null;
    }

    /** The client's certificate after the handshake, checked against the CA list. */
    ClientCertificate clientCertificate(SSLSession session) {
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return ClientCertificate.NONE;
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
            return ClientCertificate.NONE;
        }
        X509Certificate[] x509 = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            if (!(chain[i] instanceof X509Certificate c)) {
                return ClientCertificate.NONE;
            }
            x509[i] = c;
        }
        String subject = x509[0].getSubjectX500Principal().getName();
        String issuer = x509[0].getIssuerX500Principal().getName();
        if (clientCas == null) {
            return new ClientCertificate(subject, issuer, false, "no client CA list");
        }
        try {
            clientCas.checkClientTrusted(x509, x509[0].getPublicKey().getAlgorithm());
            return new ClientCertificate(subject, issuer, true, null);
        } catch (CertificateException e) {
            return new ClientCertificate(subject, issuer, false, e.getMessage());
        }
    }

    /**
     * The handshake side: sends the CA list in the certificate request and lets the client's
     * certificate through; {@link #clientCertificate} decides after the handshake. Never used
     * for server certificates.
     */
    private static final class AnyClientCertificate extends X509ExtendedTrustManager {

        private final X509Certificate[] issuers;

        AnyClientCertificate(X509Certificate[] issuers) {
            this.issuers = issuers.clone();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Checked against the CA list once the handshake is done (clientCertificate).
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // As above.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // As above.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a listener never checks server certificates");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a listener never checks server certificates");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a listener never checks server certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return issuers.clone();
        }
    }
}
