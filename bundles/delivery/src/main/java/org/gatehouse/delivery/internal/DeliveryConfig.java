package org.gatehouse.delivery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.gatehouse.delivery", name = "Gatehouse delivery",
        description = "The delivery queue: SMTP client, MX lookups, retries and bounces")
public @interface DeliveryConfig {

    @AttributeDefinition(name = "Host name", required = false,
            description = "The name said in EHLO and shown in DSNs; empty means the local host name")
    String hostname() default "";

    @AttributeDefinition(name = "DNS servers", required = false,
            description = "Comma list of host[:port]; empty means the system's resolvers")
    String dns_servers() default "";

    @AttributeDefinition(name = "Connect timeout (s)")
    int connect_timeout_seconds() default 30;

    @AttributeDefinition(name = "Command timeout (s)", description = "How long to wait for any one reply")
    int command_timeout_seconds() default 300;

    @AttributeDefinition(name = "Max connections per destination")
    int max_connections_per_destination() default 20;

    @AttributeDefinition(name = "Max messages per connection")
    int max_messages_per_connection() default 50;

    @AttributeDefinition(name = "Bounce: max retries")
    int bounce_max_retries() default 100;

    @AttributeDefinition(name = "Bounce: max time in queue (h)")
    int bounce_max_queue_hours() default 72;

    @AttributeDefinition(name = "Bounce: initial retry (s)")
    int bounce_initial_retry_seconds() default 60;

    @AttributeDefinition(name = "Bounce: max retry interval (s)")
    int bounce_max_retry_seconds() default 3600;

    @AttributeDefinition(name = "Postmaster", required = false,
            description = "The From address of DSNs; empty means MAILER-DAEMON@<hostname>")
    String postmaster() default "";
}
