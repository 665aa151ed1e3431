package org.gatehouse.delivery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.gatehouse.route", name = "Gatehouse SMTP route",
        description = "Where mail for a domain goes instead of its MX")
public @interface RouteConfig {

    @AttributeDefinition(name = "Domain",
            description = "example.com, .example.com for its subdomains, or ALL for every other domain")
    String domain();

    @AttributeDefinition(name = "Hosts",
            description = "Comma list of host[:port][/priority] (lower priority first), USEDNS, or /dev/null")
    String hosts();
}
