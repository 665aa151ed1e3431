package org.gatehouse.mailauth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID {@code org.gatehouse.mailauth}: SPF, DKIM and DMARC verification of incoming mail. */
@ObjectClassDefinition(name = "Gatehouse mail authentication (SPF, DKIM, DMARC)",
        description = "Verifies SPF, DKIM and DMARC of incoming mail, adds Authentication-Results and applies DMARC policies.")
public @interface MailAuthConfig {

    @AttributeDefinition(description = "Run the mail authentication stage at all (false: not run, not waited for)")
    boolean enabled() default true;

    @AttributeDefinition(name = "spf.enabled", description = "Check and report SPF unless the mail flow policy says (mailauth.spf = on|off)")
    boolean spf_enabled() default true;

    @AttributeDefinition(name = "dkim.enabled", description = "Verify and report DKIM unless the mail flow policy says (mailauth.dkim = on|off)")
    boolean dkim_enabled() default true;

    @AttributeDefinition(name = "dmarc.enabled", description = "Evaluate DMARC unless the mail flow policy says (mailauth.dmarc = on|off); "
            + "SPF and DKIM are then computed for it even where their own reporting is off")
    boolean dmarc_enabled() default true;

    @AttributeDefinition(name = "dns.server", description = "DNS server, host or host:port ([v6]:port); empty: the system resolver")
    String dns_server() default "";

    @AttributeDefinition(name = "dns.timeout.millis", description = "Longest wait for one DNS answer, milliseconds")
    int dns_timeout_millis() default 2000;

    @AttributeDefinition(name = "authserv.id", description = "The authserv-id of Authentication-Results; empty: this host's name")
    String authserv_id() default "";

    @AttributeDefinition(name = "dmarc.reject.action", description = "What happens to a message failing DMARC of a domain with p=reject "
            + "(it was already accepted with 250)",
            options = {@Option(label = "Quarantine", value = "quarantine"), @Option(label = "Drop", value = "drop"),
                @Option(label = "Deliver with the subject tagged", value = "tag"), @Option(label = "Deliver", value = "deliver")})
    String dmarc_reject_action() default "quarantine";

    @AttributeDefinition(name = "dmarc.quarantine.action", description = "What happens to a message failing DMARC of a domain with p=quarantine",
            options = {@Option(label = "Quarantine", value = "quarantine"), @Option(label = "Drop", value = "drop"),
                @Option(label = "Deliver with the subject tagged", value = "tag"), @Option(label = "Deliver", value = "deliver")})
    String dmarc_quarantine_action() default "quarantine";

    @AttributeDefinition(name = "dmarc.quarantine.name", description = "The quarantine that holds messages failing DMARC")
    String dmarc_quarantine_name() default "dmarc";

    @AttributeDefinition(name = "dmarc.tag.subject.prefix", description = "Subject prefix of the 'tag' action")
    String dmarc_tag_subject_prefix() default "[DMARC FAIL]";

    @AttributeDefinition(name = "check.authenticated", description = "Check mail of SMTP AUTH clients too (false: their "
            + "mail is outgoing submission, neither checked nor held for DMARC)")
    boolean check_authenticated() default false;

    @AttributeDefinition(name = "add.header", description = "Add one Authentication-Results field (the sender's own ones are left out on delivery)")
    boolean add_header() default true;
}
