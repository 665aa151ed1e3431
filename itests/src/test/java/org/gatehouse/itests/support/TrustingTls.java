package org.gatehouse.itests.support;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for the tests' SMTP client after STARTTLS. Gatehouse generates a self-signed listener
 * certificate at first start, so the tests accept any certificate: what they check is the SMTP
 * conversation around the handshake, not the certificate.
 */
public final class TrustingTls {

    private TrustingTls() {
    }

    /** Performs the client handshake over an already connected plain socket. */
    public static SSLSocket handshake(Socket plain) throws IOException {
        return handshake(plain, null);
    }

    /** The same, showing a client certificate when the server asks for one (none when null). */
    public static SSLSocket handshake(Socket plain, KeyManager[] clientKeys) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(clientKeys, new TrustManager[] {new AcceptAll()}, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, "127.0.0.1", plain.getPort(), true);
            tls.setUseClientMode(true);
            tls.setSoTimeout(30_000);
            tls.startHandshake();
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS setup failed", e);
        }
    }

    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // the tests never act as a TLS server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // test only: the listener's certificate is self-signed by design (see class comment)
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
