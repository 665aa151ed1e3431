package org.gatehouse.antivirus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.gatehouse.antivirus}: engine, signatures, limits, verdict actions. */
@ObjectClassDefinition(name = "Gatehouse anti-virus",
        description = "Virus scanning of every message: embedded signature scanner or clamd.")
public @interface AntivirusConfig {

    @AttributeDefinition(description = "Scan messages (false: the stage is neither run nor waited for)")
    boolean enabled() default true;

    @AttributeDefinition(description = "embedded (signature scanner in the gateway) or clamd")
    String engine() default "embedded";

    @AttributeDefinition(description = "Folder of ClamAV-format signature files, watched for changes; empty: ${karaf.etc}/antivirus")
    String signatures_directory() default "";

    @AttributeDefinition(description = "Also load the built-in signatures (the EICAR test file)")
    boolean builtin_signatures() default true;

    @AttributeDefinition(description = "How often the signature folder is checked for changes, seconds (0: never)")
    int watch_interval_seconds() default 10;

    @AttributeDefinition(description = "clamd address: host:port, or the path of its Unix socket")
    String clamd_address() default "127.0.0.1:3310";

    @AttributeDefinition(description = "clamd connect and answer timeout, seconds")
    int clamd_timeout_seconds() default 30;

    @AttributeDefinition(description = "Deepest nesting of archives and attachments before a message is unscannable")
    int max_depth() default 16;

    @AttributeDefinition(description = "Most bytes unpacked for one message, MB")
    int max_expanded_mb() default 200;

    @AttributeDefinition(description = "Highest compression ratio of a member larger than 1 MB (zip bombs)")
    int max_ratio() default 250;

    @AttributeDefinition(description = "Most files and parts looked at in one message")
    int max_files() default 5000;

    @AttributeDefinition(description = "Longest scan of one message, seconds")
    int max_scan_seconds() default 60;

    @AttributeDefinition(description = "Action for infected messages: deliver, drop, bounce, quarantine, "
            + "strip (cut the infected parts out: verdict repaired) or notice (only with notice.infected.allowed)")
    String action_infected() default "quarantine";

    @AttributeDefinition(description = "Action for encrypted (password-protected) content: deliver, drop, bounce, quarantine or notice")
    String action_encrypted() default "deliver";

    @AttributeDefinition(description = "Action for unscannable messages: deliver, drop, bounce, quarantine or notice")
    String action_unscannable() default "quarantine";

    @AttributeDefinition(description = "When strip cannot cut the virus out (a single-part message, a virus outside "
            + "any attachment): deliver, drop, bounce, quarantine or notice")
    String action_unrepairable() default "quarantine";

    @AttributeDefinition(description = "Allow the notice action for infected messages: the recipient then gets "
            + "the known virus as an attachment (dangerous; false: refused)")
    boolean notice_infected_allowed() default false;

    @AttributeDefinition(description = "From address of notices and notifications; empty: MAILER-DAEMON@<this host>")
    String notice_from() default "";

    @AttributeDefinition(description = "Address that gets a notification for each message with a verdict in notify.verdicts (empty: none)")
    String notify_admin() default "";

    @AttributeDefinition(description = "Notify the envelope sender (beware: viruses forge senders, so this is backscatter)")
    boolean notify_sender() default false;

    @AttributeDefinition(description = "Notify the envelope recipients")
    boolean notify_recipients() default false;

    @AttributeDefinition(description = "Verdicts that cause notifications, comma-separated: infected (repaired "
            + "messages too), encrypted, unscannable")
    String notify_verdicts() default "infected,unscannable";

    @AttributeDefinition(description = "Subject prefix for infected messages (empty: none)")
    String subject_prefix_infected() default "[WARNING: VIRUS DETECTED]";

    @AttributeDefinition(description = "Subject prefix for messages with encrypted content (empty: none)")
    String subject_prefix_encrypted() default "[WARNING: MESSAGE ENCRYPTED]";

    @AttributeDefinition(description = "Subject prefix for unscannable messages (empty: none)")
    String subject_prefix_unscannable() default "[WARNING: A/V UNSCANNABLE]";

    @AttributeDefinition(description = "Subject prefix for messages whose infected parts were removed (empty: none)")
    String subject_prefix_repaired() default "[WARNING: VIRUS REMOVED]";

    @AttributeDefinition(description = "Quarantine that holds messages whose action is quarantine")
    String quarantine() default "virus";

    @AttributeDefinition(description = "Add X-Gatehouse-Virus-* headers with the verdict")
    boolean add_headers() default true;

    @AttributeDefinition(name = "on.error", description = "When the engine is down or times out: tempfail (retry later) or quarantine")
    String on_error() default "tempfail";
}
