package org.gatehouse.api;

/** Inbound TLS for a mail flow policy. */
public enum TlsLevel {
    OFF, PREFERRED, REQUIRED
}
