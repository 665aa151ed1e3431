/**
 * Mail authentication of incoming mail: SPF (RFC 7208) for the MAIL FROM or HELO identity, DKIM
 * (RFC 6376, RFC 8463 Ed25519) for every signature, DMARC (RFC 7489) with the shipped Public
 * Suffix List. The {@code mailauth} work queue stage (band 150) adds one Authentication-Results
 * field (RFC 8601), leaves {@code mailauth.*} annotations for later stages, writes the SPF, DKIM
 * and DMARC mail log lines and applies the configured action to mail a domain's DMARC policy
 * wants quarantined or rejected. DNS questions go through dnsjava to the configured resolver.
 * The bundle owns configuration PID {@code org.gatehouse.mailauth}; it exports nothing.
 */
package org.gatehouse.mailauth.internal;
