package org.gatehouse.smtplistener.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One SMTP listener (factory PID {@code org.gatehouse.listener}). */
@ObjectClassDefinition(id = "org.gatehouse.listener", name = "Gatehouse SMTP listener",
        description = "An SMTP server on one address and port.")
public @interface ListenerConfig {

    @AttributeDefinition(description = "The listener's name, as in the mail log and the console")
    String name() default "public";

    @AttributeDefinition(description = "public: Internet mail for accept.domains (HAT + RAT); "
            + "private: relaying for hosts in relay.networks (HAT only)",
            options = {@Option(label = "public", value = "public"), @Option(label = "private", value = "private")})
    String type() default "public";

    @AttributeDefinition(description = "Address to listen on")
    String address() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port")
    int port() default 2525;

    @AttributeDefinition(description = "Concurrent connections; more get 421 4.3.2")
    int max_connections() default 50;

    @AttributeDefinition(description = "TCP listen backlog")
    int backlog() default 50;

    @AttributeDefinition(description = "Domain added to bare addresses (no @domain); empty: refuse them",
            required = false)
    String default_domain() default "";

    @AttributeDefinition(description = "Name in the banner and the Received header; empty: the local host name",
            required = false)
    String hostname() default "";

    @AttributeDefinition(description = "Largest message in octets (advertised in SIZE)")
    long max_message_size() default 10485760L;

    @AttributeDefinition(description = "Seconds without input before a session is closed with 421 4.4.2")
    int idle_timeout_seconds() default 300;

    @AttributeDefinition(description = "Seconds without input during DATA/BDAT before the session is closed")
    int data_timeout_seconds() default 300;

    @AttributeDefinition(description = "Errors a client may make before it gets 421 4.7.0 and is disconnected")
    int max_errors() default 10;

    @AttributeDefinition(description = "Seconds a message waits at DATA for the spool to come back "
            + "(the queue bundle being updated) before the client gets 451 4.3.0")
    int spool_wait_seconds() default 10;

    @AttributeDefinition(description = "Add a Received: header to accepted messages")
    boolean received_header() default true;

    @AttributeDefinition(description = "Public listeners: domains accepted as recipients (comma list); "
            + "every other recipient gets 550 5.7.1", required = false)
    String accept_domains() default "";

    @AttributeDefinition(description = "Private listeners: networks allowed to connect and relay (CIDR, comma list)",
            required = false)
    String relay_networks() default "127.0.0.0/8";

    @AttributeDefinition(description = "PKCS#12 key store with the certificate for STARTTLS; "
            + "empty: a self-signed one is generated at first start into ${karaf.etc}/gatehouse-tls.p12",
            required = false)
    String tls_keystore() default "";

    @AttributeDefinition(description = "Password of the key store", type = AttributeType.PASSWORD, required = false)
    String tls_password() default "";

    @AttributeDefinition(description = "PEM file of the CAs that may sign client certificates; asked for on "
            + "STARTTLS when the connection's policy is TLS required-verify-client. Empty: no client certificate "
            + "verifies, so such policies refuse MAIL with 530 5.7.0", required = false)
    String tls_client_ca() default "";

    @AttributeDefinition(description = "Offer SMTP AUTH (when the policy asks for it) on clear-text connections too. "
            + "Only for a private listener on a trusted network: passwords would cross the wire readable")
    boolean auth_allow_cleartext() default false;

    @AttributeDefinition(description = "Failed AUTH attempts before 421 4.7.0 and close")
    int auth_max_failures() default 3;

    @AttributeDefinition(description = "Milliseconds the reply to a failed AUTH is held back, so guessing is slow")
    int auth_failure_delay_millis() default 1000;
}
