package org.gatehouse.hat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of PID {@code org.gatehouse.hat}: the DNS the HAT asks for reverse DNS and DNS lists. */
@ObjectClassDefinition(id = HostAccessTable.PID, name = "Gatehouse HAT",
        description = "DNS for reverse DNS and DNS lists of the host access table.")
public @interface HatConfig {

    @AttributeDefinition(description = "DNS server as host or host:port; empty = the system resolver", required = false)
    String dns_server() default "";

    @AttributeDefinition(description = "How long one DNS question may take (ms); a timeout counts as no answer")
    int dns_timeout_millis() default 2000;

    @AttributeDefinition(description = "How long DNS answers are reused (seconds)")
    int dns_cache_seconds() default 300;
}
