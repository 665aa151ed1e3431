package org.gatehouse.delivery.internal;

import java.time.Duration;

import javax.net.ssl.SSLSocketFactory;

/**
 * How outbound SMTP connections behave.
 *
 * @param ehloName       the name said in EHLO/HELO
 * @param connectTimeout how long a TCP connect may take
 * @param commandTimeout how long to wait for any one reply
 * @param tls            the factory for opportunistic STARTTLS, or null for clear text only
 */
record SessionSettings(String ehloName, Duration connectTimeout, Duration commandTimeout, SSLSocketFactory tls) {
}
