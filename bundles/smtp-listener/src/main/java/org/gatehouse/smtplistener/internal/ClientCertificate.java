package org.gatehouse.smtplistener.internal;

/**
 * What a client showed in the TLS handshake when the listener asked for a certificate.
 *
 * @param subject  the certificate's subject DN, or null when the client sent none
 * @param issuer   its issuer DN, or null
 * @param verified the chain leads to a CA of the listener's tls.client.ca list and is valid now
 * @param problem  why it did not verify (null when it did)
 */
record ClientCertificate(String subject, String issuer, boolean verified, String problem) {

    static final ClientCertificate NONE = new ClientCertificate(null, null, false, "no client certificate");

    boolean presented() {
        return subject != null;
    }
}
