package org.gatehouse.api;

/** Inbound TLS for a mail flow policy. */
public enum TlsLevel {
    OFF,
    PREFERRED,
    REQUIRED,
    /** TLS is required and the client must present a certificate that the listener's CA list verifies. */
    REQUIRED_VERIFY_CLIENT
}
