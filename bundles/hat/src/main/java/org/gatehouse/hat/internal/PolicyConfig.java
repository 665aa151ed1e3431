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

    @AttributeDefinition(description = "STARTTLS: OFF, PREFERRED, REQUIRED or REQUIRED_VERIFY_CLIENT", required = false)
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
    @AttributeDefinition(description = "SMTP AUTH: OFF, PREFERRED (offered) or REQUIRED (no mail without it)", required = false)
    String smtp_auth();

    @AttributeDefinition(description = "Check the sender's SPF record", required = false)
    boolean spf_verification();

    @AttributeDefinition(description = "Verify DKIM signatures", required = false)
    boolean dkim_verification();

    @AttributeDefinition(description = "Apply the From: domain's DMARC policy", required = false)
    boolean dmarc_verification();

    @AttributeDefinition(description = "Anti-spam engine: embedded, spamd or rspamd (unset: the antispam config's)", required = false)
    String antispam_engine();

    @AttributeDefinition(description = "Spam score from which mail is positive (unset or 0: the antispam config's)", required = false)
    int antispam_positive_threshold();

    @AttributeDefinition(description = "Spam score from which mail is suspected (unset or 0: the antispam config's)", required = false)
    int antispam_suspected_threshold();

    @AttributeDefinition(description = "Anti-virus engine: embedded or clamd (unset: the antivirus config's)", required = false)
    String antivirus_engine();

    @AttributeDefinition(description = "What happens to infected mail: deliver, drop, bounce, quarantine, strip or notice "
            + "(unset: the antivirus config's)", required = false)
    String antivirus_action_infected();
}
