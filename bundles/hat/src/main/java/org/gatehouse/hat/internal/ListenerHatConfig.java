package org.gatehouse.hat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of factory PID {@code org.gatehouse.hat.listener}: a listener's default policy and RAT. */
@ObjectClassDefinition(id = ListenerConfigPart.PID, name = "Gatehouse HAT listener",
        description = "A listener's host access settings: its default mail flow policy parameters (which "
                + "policies inherit) and, for public listeners, the recipient access table.")
public @interface ListenerHatConfig {

    @AttributeDefinition(description = "The listener's name, as in org.gatehouse.listener")
    String listener();

    @AttributeDefinition(description = "Takes Internet mail for the organisation's domains: has a RAT")
    boolean public$() default false;

    @AttributeDefinition(description = "RAT entries, top-down, first match: '<recipient> ACCEPT [bypass-throttling]' or "
            + "'<recipient> REJECT [reply]'; recipient is domain, .subdomain, user@domain, user@ or [IP]. "
            + "'ALL REJECT' is always last", required = false)
    String[] rat() default {};

    @AttributeDefinition(description = "Largest message in octets (advertised in SIZE)")
    long max_message_size() default 10_485_760L;

    @AttributeDefinition(description = "Concurrent connections from one address (0 = no limit)")
    int max_connections_per_ip() default 10;

    @AttributeDefinition(description = "Messages in one session (0 = no limit)")
    int max_messages_per_connection() default 10;

    @AttributeDefinition(description = "RCPTs in one transaction (0 = no limit)")
    int max_recipients_per_message() default 50;

    @AttributeDefinition(description = "220 greeting text ($RemoteIP, $Hostname); empty = the listener's", required = false)
    String banner() default "";

    @AttributeDefinition(description = "Reply code for REJECT")
    int reject_code() default 554;

    @AttributeDefinition(description = "Reply text for REJECT ($RemoteIP, $Hostname)")
    String reject_banner() default "5.7.1 Access denied";

    @AttributeDefinition(description = "STARTTLS", options = {@Option(label = "off", value = "OFF"),
            @Option(label = "preferred", value = "PREFERRED"), @Option(label = "required", value = "REQUIRED"),
            @Option(label = "required, with a verified client certificate", value = "REQUIRED_VERIFY_CLIENT")})
    String tls() default "PREFERRED";

    @AttributeDefinition(description = "Recipients one remote host may send in an hour, across listeners (0 = no limit)")
    int max_recipients_per_hour() default 0;

    @AttributeDefinition(description = "Reply past the hourly recipient limit")
    String recipients_per_hour_reply() default "452 4.5.3 Too many recipients received this hour";

    @AttributeDefinition(description = "Directory harvest prevention: invalid recipients per host and hour "
            + "before its connection is dropped and it is refused for the hour (0 = off)")
    int max_invalid_recipients_per_hour() default 0;

    @AttributeDefinition(description = "Reply to a host cut off by directory harvest prevention")
    String dhap_reply() default "550 5.1.1 Too many invalid recipients";

    @AttributeDefinition(description = "Scan for spam")
    boolean antispam() default true;

    @AttributeDefinition(description = "Scan for viruses")
    boolean antivirus() default true;
    @AttributeDefinition(description = "SMTP AUTH", options = {@Option(label = "off", value = "OFF"),
            @Option(label = "preferred (offered)", value = "PREFERRED"), @Option(label = "required", value = "REQUIRED")})
    String smtp_auth() default "OFF";

    @AttributeDefinition(description = "Check the sender's SPF record (mailauth stage)")
    boolean spf_verification() default true;

    @AttributeDefinition(description = "Verify DKIM signatures (mailauth stage)")
    boolean dkim_verification() default true;

    @AttributeDefinition(description = "Apply the From: domain's DMARC policy (mailauth stage)")
    boolean dmarc_verification() default true;

    @AttributeDefinition(description = "Anti-spam engine: embedded, spamd or rspamd (empty: the antispam config's)")
    String antispam_engine() default "";

    @AttributeDefinition(description = "Spam score from which mail is positive (0: the antispam config's)")
    int antispam_positive_threshold() default 0;

    @AttributeDefinition(description = "Spam score from which mail is suspected (0: the antispam config's)")
    int antispam_suspected_threshold() default 0;

    @AttributeDefinition(description = "Anti-virus engine: embedded or clamd (empty: the antivirus config's)")
    String antivirus_engine() default "";

    @AttributeDefinition(description = "What happens to infected mail: deliver, drop, bounce, quarantine, strip or notice "
            + "(empty: the antivirus config's)")
    String antivirus_action_infected() default "";
}
