/**
 * Delivery: the delivery queue that takes messages from the spool once they passed the
 * pipeline, SMTP routes and MX lookups (dnsjava), the SMTP client with connection reuse and
 * opportunistic STARTTLS, the bounce profile's retry schedule, and RFC 3464 bounces (DSNs).
 * Owns config PID {@code org.gatehouse.delivery} and factory PID {@code org.gatehouse.route}.
 */
package org.gatehouse.delivery.internal;
