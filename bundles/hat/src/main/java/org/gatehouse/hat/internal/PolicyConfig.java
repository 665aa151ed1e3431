package org.gatehouse.hat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of factory PID {@code org.gatehouse.hat.policy}: a mail flow policy. Every parameter is
 * optional; an unset one is inherited from the listener's default policy.
 */
@ObjectClassDefinition(id = PolicyConfigPart.PID, name = "Gatehouse mail flow policy",
        description = "The terms a sender group gets. Unset parameters inherit the listener's defaults.")
public @interface PolicyConfig {

    @AttributeDefinition(description = "The listener the policy belongs to")
    String listener();

    @AttributeDefinition(description = "The policy's name, e.g. ACCEPTED")
    String name();

    @AttributeDefinition(description = "What happens to the connection", options = {
            @Option(label = "accept", value = "ACCEPT"), @Option(label = "reject (reject banner)", value = "REJECT"),
            @Option(label = "refuse the TCP connection", value = "TCPREFUSE"),
            @Option(label = "relay (bypass the RAT)", value = "RELAY"),
            @Option(label = "continue with the next sender group", value = "CONTINUE")})
    String access() default "ACCEPT";

    @AttributeDefinition(description = "Largest message in octets", required = false)
    long max_message_size();

    @AttributeDefinition(description = "Concurrent connections from one address (0 = no limit)", required = false)
    int max_connections_per_ip();

    @AttributeDefinition(description = "Messages in one session (0 = no limit)", required = false)
    int max_messages_per_connection();

    @AttributeDefinition(description = "RCPTs in one transaction (0 = no limit)", required = false)
    int max_recipients_per_message();

    @AttributeDefinition(description = "220 greeting text ($RemoteIP, $Hostname)", required = false)
    String banner();

    @AttributeDefinition(description = "Reply code for REJECT", required = false)
    int reject_code();

    @AttributeDefinition(description = "Reply text for REJECT ($RemoteIP, $Hostname)", required = false)
    String reject_banner();

    @AttributeDefinition(description = "STARTTLS: OFF, PREFERRED or REQUIRED", required = false)
    String tls();

    @AttributeDefinition(description = "Recipients per remote host and hour, across listeners (0 = no limit)", required = false)
    int max_recipients_per_hour();

    @AttributeDefinition(description = "Reply past the hourly recipient limit", required = false)
    String recipients_per_hour_reply();

    @AttributeDefinition(description = "Invalid recipients per host and hour before it is cut off (0 = off)", required = false)
    int max_invalid_recipients_per_hour();

    @AttributeDefinition(description = "Reply to a host cut off by directory harvest prevention", required = false)
    String dhap_reply();

    @AttributeDefinition(description = "Scan for spam", required = false)
    boolean antispam();

    @AttributeDefinition(description = "Scan for viruses", required = false)
    boolean antivirus();
}
