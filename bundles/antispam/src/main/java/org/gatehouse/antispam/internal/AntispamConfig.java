package org.gatehouse.antispam.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Config PID {@code org.gatehouse.antispam} (etc/org.gatehouse.antispam.cfg). */
@ObjectClassDefinition(name = "Gatehouse anti-spam",
        description = "Anti-spam stage: engine, thresholds, actions per verdict, learning and misclassification reports.")
public @interface AntispamConfig {

    @AttributeDefinition(name = "Enabled", description = "Run the anti-spam stage (when licensed).")
    boolean enabled() default true;

    @AttributeDefinition(name = "Engine", description = "Who scores messages.", options = {
        @Option(value = "embedded", label = "Embedded rules and classifier"),
        @Option(value = "spamd", label = "SpamAssassin spamd"),
        @Option(value = "rspamd", label = "Rspamd")})
    String engine() default "embedded";

    @AttributeDefinition(name = "Positive threshold", description = "Score (50-99) from which a message is spam.")
    int positive_threshold() default 90;

    @AttributeDefinition(name = "Suspected threshold", description = "Score (25 up to positive) from which a message is suspected spam.")
    int suspected_threshold() default 50;

    @AttributeDefinition(name = "Positive action", description = "deliver, drop, bounce or quarantine (spam quarantine).")
    String positive_action() default "quarantine";

    @AttributeDefinition(name = "Suspected action", description = "deliver, drop, bounce or quarantine (spam quarantine).")
    String suspected_action() default "deliver";

    @AttributeDefinition(name = "Positive subject prefix", description = "Prefix for the subject of positive spam; empty for none.")
    String positive_subject_prefix() default "[SPAM]";

    @AttributeDefinition(name = "Suspected subject prefix", description = "Prefix for the subject of suspected spam; empty for none.")
    String suspected_subject_prefix() default "[SUSPECTED SPAM]";

    @AttributeDefinition(name = "Verdict headers", description = "Add X-Gatehouse-Spam-Score, -Verdict and -Rules for downstream servers.")
    boolean add_headers() default true;

    @AttributeDefinition(name = "Quarantine", description = "Name of the quarantine the quarantine action uses.")
    String quarantine() default "spam";

    @AttributeDefinition(name = "On error", description = "tempfail (message waits and is retried) or quarantine, when the engine cannot answer.")
    String on_error() default "tempfail";

    @AttributeDefinition(name = "Model folder", description = "Where the site's learned model is kept; empty: ${karaf.data}/antispam.")
    String model_directory() default "";

    @AttributeDefinition(name = "Rule points", description = "Comma list of RULE=points overriding the embedded rules' points; 0 turns a rule off.")
    String rule_points() default "";

    @AttributeDefinition(name = "SBRS weight", description = "Score points per SBRS point (a sender at -10 gets +10 x this); 0 ignores reputation.")
    double sbrs_points() default 3.0;

    @AttributeDefinition(name = "Report address for missed spam", description = "Admins forward spam that got through here; the stage learns it as spam and drops the report. Empty: off.")
    String report_spam_address() default "";

    @AttributeDefinition(name = "Report address for false positives", description = "Admins forward good mail flagged as spam here; learned as ham, report dropped. Empty: off.")
    String report_ham_address() default "";

    @AttributeDefinition(name = "Trusted report senders", description = "Sender groups whose reports are learned (others are scanned like any mail).")
    String[] report_sender_groups() default {"RELAYLIST"};

    @AttributeDefinition(name = "spamd host")
    String spamd_host() default "127.0.0.1";

    @AttributeDefinition(name = "spamd port")
    int spamd_port() default 783;

    @AttributeDefinition(name = "spamd suspected points", description = "SpamAssassin score that maps to the suspected threshold.")
    double spamd_suspected_points() default 5.0;

    @AttributeDefinition(name = "spamd positive points", description = "SpamAssassin score that maps to the positive threshold.")
    double spamd_positive_points() default 10.0;

    @AttributeDefinition(name = "Rspamd URL", description = "Base URL of Rspamd's normal worker.")
    String rspamd_url() default "http://127.0.0.1:11333";

    @AttributeDefinition(name = "Rspamd suspected points", description = "Rspamd score that maps to the suspected threshold (its add header score).")
    double rspamd_suspected_points() default 6.0;

    @AttributeDefinition(name = "Rspamd positive points", description = "Rspamd score that maps to the positive threshold (its reject score).")
    double rspamd_positive_points() default 15.0;

    @AttributeDefinition(name = "Engine timeout", description = "Milliseconds to connect to and hear back from spamd or Rspamd.")
    int engine_timeout_ms() default 30000;
}
