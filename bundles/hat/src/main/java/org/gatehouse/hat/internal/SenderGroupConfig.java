package org.gatehouse.hat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of factory PID {@code org.gatehouse.hat.sendergroup}: one sender group of a listener's HAT. */
@ObjectClassDefinition(id = SenderGroupConfigPart.PID, name = "Gatehouse sender group",
        description = "Hosts that get one mail flow policy. Groups are read by order, first match wins.")
public @interface SenderGroupConfig {

    @AttributeDefinition(description = "The listener whose HAT the group is in")
    String listener();

    @AttributeDefinition(description = "The group's name, e.g. WHITELIST")
    String name();

    @AttributeDefinition(description = "Position in the HAT: lower is read first")
    int order() default 100;

    @AttributeDefinition(description = "The mail flow policy of matching hosts")
    String policy();

    @AttributeDefinition(description = "Addresses (IPv4/IPv6), partial addresses (10.1.1.), ranges (10.1.1.10-20), "
            + "CIDR, host names and .partial host names (forward-confirmed reverse DNS), SBRS[a:b], SBRS[none], "
            + "dnslist[zone], ALL", required = false)
    String[] entries() default {};

    @AttributeDefinition(description = "What the group is for", required = false)
    String comment() default "";
}
