package org.gatehouse.smtplistener.internal;

/**
 * The connection as an SMTP session sees it: MINA in production, a recording fake in the state
 * machine's unit tests.
 */
interface ClientChannel {

    /** The client's IP address as text. */
    String remoteIp();

    /** Sends replies (complete CRLF-terminated lines). */
    void send(byte[] replies);

    /** Closes the connection once what was sent has been written. */
    void closeAfterWrites();

    /** Closes at once, dropping what was not written (a TLS handshake that never finished). */
    void closeNow();

    /** How long the client may stay silent before the session is told it is idle. */
    void readTimeout(int seconds);

    /** TLS can be offered on this connection. */
    boolean tlsAvailable();

    /**
     * Sends the STARTTLS reply in clear text, then starts the TLS handshake as server. When the
     * filter is in place the channel calls {@code ready}; input arriving before that is dropped
     * by the session.
     *
     * @param askForClientCertificate ask the client for a certificate (the policy is TLS
     *                                required-verify-client)
     */
    void startTls(byte[] reply, boolean askForClientCertificate, Runnable ready);

    /** The negotiated TLS protocol, or null while in clear text. */
    String tlsProtocol();

    /**
     * The client's certificate checked against the listener's CA list, once TLS is up and a
     * certificate was asked for; null before the handshake is done.
     */
    ClientCertificate clientCertificate();
}
