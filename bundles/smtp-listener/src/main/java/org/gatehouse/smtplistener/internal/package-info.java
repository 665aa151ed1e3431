/**
 * The SMTP listeners of Gatehouse: one MINA acceptor per configured listener (factory PID
 * {@code org.gatehouse.listener}), the ESMTP conversation (RFC 5321, PIPELINING, CHUNKING,
 * 8BITMIME, SMTPUTF8, STARTTLS), the listener's own byte-level input handling (command lines,
 * dot-unstuffed DATA, BDAT chunks), the built-in access rules used while no HAT is installed,
 * the shared ICID counter and the listener's self-signed certificate, SMTP AUTH (PLAIN, LOGIN)
 * against the SMTP users file (PID {@code org.gatehouse.smtpauth}) and client certificates for
 * TLS required-verify-client. Accepted messages go to
 * the {@link org.gatehouse.api.Spool}; "250" is said only once the spool has committed them.
 */
package org.gatehouse.smtplistener.internal;
