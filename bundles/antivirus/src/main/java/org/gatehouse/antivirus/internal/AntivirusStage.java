package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.api.Connection;
import org.gatehouse.api.Entitlement;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.MessageStage;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.Spool;
import org.gatehouse.api.StageResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The anti-virus step of the work queue (band 400), active only while the antivirus feature is
 * licensed. It scans each message with the engine its mail flow policy names (else the
 * configured one), applies the verdict's action (the policy's, else the configured one; strip
 * and notice rewrite the content through {@link MailMessage#replaceContent}), records the
 * verdict (annotation, optional X-Gatehouse-Virus-* headers, Subject prefix, mail log line) and
 * queues the notifications asked for. When the engine cannot answer it throws, so the core's
 * on.error (tempfail) holds the message.
 */
@Component(service = MessageStage.class, configurationPid = "org.gatehouse.antivirus",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {MessageStage.NAME + "=antivirus", MessageStage.ORDER + ":Integer=400",
            MessageStage.FEATURE + "=antivirus"})
@Designate(ocd = AntivirusConfig.class)
public final class AntivirusStage implements MessageStage {

    static final String STAGE = "antivirus";
    static final String HEADER_VERDICT = "X-Gatehouse-Virus-Verdict";
    static final String HEADER_NAME = "X-Gatehouse-Virus-Name";
    static final String HEADER_ENGINE = "X-Gatehouse-Virus-Engine";

    private static final Logger LOG = LoggerFactory.getLogger(AntivirusStage.class);

    private final Antivirus antivirus;
    private final VerdictActions actions;
    private final boolean addHeaders;
    private final ContentRewrites rewrites;
    private final VirusNotifications notifications;
    /** Optional and dynamic: the mail log may come and go (its bundle updated); DS sets the field. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MailLog mailLog;
    /** Optional and dynamic, for notifications only: without it they are logged as not sent. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Spool spool;

    @Activate
    public AntivirusStage(AntivirusConfig config, @Reference(name = "antivirus") Antivirus antivirus,
            @Reference(name = "licence", target = "(gatehouse.feature=antivirus)") Entitlement licence) {
        String hostname = Hostname.local();
        this.antivirus = antivirus;
        this.actions = VerdictActions.from(config);
        this.addHeaders = config.add_headers();
        this.rewrites = new ContentRewrites(new PartStripper(config.max_depth()),
                new VirusNotice(VirusNotifications.Settings.noticeFrom(config, hostname), hostname, Clock.systemUTC()));
        this.notifications = new VirusNotifications(VirusNotifications.Settings.from(config, hostname), () -> spool,
                Clock.systemUTC());
    }

    AntivirusStage(Antivirus antivirus, VerdictActions actions, boolean addHeaders) {
        this(antivirus, actions, addHeaders, new ContentRewrites(new PartStripper(16),
                new VirusNotice("MAILER-DAEMON@localhost", "localhost", Clock.systemUTC())), null);
    }

    AntivirusStage(Antivirus antivirus, VerdictActions actions, boolean addHeaders, ContentRewrites rewrites,
                   VirusNotifications notifications) {
        this.antivirus = antivirus;
        this.actions = actions;
        this.addHeaders = addHeaders;
        this.rewrites = rewrites;
        this.notifications = notifications;
    }

    @Override
    public StageResult process(MailMessage message) throws Exception {
        Connection connection = message.connection();
        VirusEngine engine = antivirus.engine(setting(connection, "engine"));
        VerdictActions policyActions = actions.forPolicy(key -> setting(connection, key));
        ScanResult scan;
        try (InputStream content = message.openContent()) {
            scan = engine.scan("MID " + message.mid(), content);
        }
        ContentRewrites.Outcome outcome = rewrites.apply(message, engine, scan, policyActions);
        boolean notifying = notifications != null && notifications.wanted(scan.verdict(), outcome.verdict());
        // The sender's Subject, before this stage prefixes it.
        String subject = !notifying ? null
                : outcome.originalSubject() != null ? outcome.originalSubject() : message.header("Subject");
        // After any rewrite: replaceContent drops the header fields added before it.
        record(message, scan, outcome, engine, policyActions);
        log(message.mid(), scan, outcome, engine.name());
        if (notifying) {
            notify(message, scan, outcome, engine.name(), subject);
        }
        return outcome.result();
    }

    private static String setting(Connection connection, String key) {
        return connection == null ? null : connection.stageSetting(STAGE, key);
    }

    private void record(MailMessage message, ScanResult scan, ContentRewrites.Outcome outcome, VirusEngine engine,
                        VerdictActions policyActions) throws IOException {
        ScanVerdict verdict = outcome.verdict();
        message.annotate("antivirus.verdict", verdict.label());
        message.annotate("antivirus.engine", engine.name());
        if (scan.signature() != null) {
            message.annotate("antivirus.signature", scan.signature());
        }
        if (!outcome.note().isEmpty()) {
            message.annotate("antivirus.action", outcome.note());
        }
        if (addHeaders) {
            message.addHeader(HEADER_VERDICT, verdict.label());
            if (scan.signature() != null) {
                message.addHeader(HEADER_NAME, scan.signature());
            }
            message.addHeader(HEADER_ENGINE, engine.name());
        }
        // The Subject is read from the spool only for a verdict that tags it (never for clean
        // mail), and a notice carries its prefixed Subject already.
        if (!outcome.subjectWritten() && policyActions.tagsSubject(verdict)) {
            String subject = policyActions.subjectFor(verdict, message.header("Subject"));
            if (subject != null) {
                message.setHeader("Subject", subject);
            }
        }
    }

    private void log(long mid, ScanResult scan, ContentRewrites.Outcome outcome, String engine) {
        MailLog log = mailLog;
        if (log == null) {
            return;
        }
        StringBuilder text = new StringBuilder("MID ").append(mid).append(" antivirus ")
                .append(outcome.verdict().logWord());
        if (scan.signature() != null) {
            text.append(' ').append(scan.signature());
        }
        if (!outcome.note().isEmpty()) {
            text.append(" (").append(outcome.note()).append(')');
        } else if (scan.signature() == null && !scan.detail().isEmpty()) {
            text.append(" (").append(scan.detail()).append(')');
        }
        text.append(" engine ").append(engine);
        MailEvent event = MailEvent.of("message.antivirus").with("mid", mid).with("verdict", outcome.verdict().label())
                .with("signature", scan.signature() == null ? "" : scan.signature()).with("detail", scan.detail())
                .with("engine", engine).with("action", outcome.note()).text(text.toString());
        if (outcome.verdict() == ScanVerdict.CLEAN) {
            log.info(event);
        } else {
            log.warning(event);
        }
    }

    private void notify(MailMessage message, ScanResult scan, ContentRewrites.Outcome outcome, String engine,
                        String subject) {
        List<String> recipients = new ArrayList<>();
        for (Recipient r : message.envelope().recipients()) {
            recipients.add(r.address());
        }
        VirusNotifications.Facts facts = new VirusNotifications.Facts(message.mid(), scan, outcome.verdict(), outcome.actionWord(),
                engine, message.envelope().mailFrom(), recipients, subject);
        for (VirusNotifications.Sent sent : notifications.send(facts)) {
            MailLog log = mailLog;
            String to = String.join(", ", sent.to());
            if (sent.error().isEmpty()) {
                if (log != null) {
                    log.info(MailEvent.of("message.antivirus.notification").with("mid", message.mid())
                            .with("notification", sent.mid()).with("to", to)
                            .text("MID " + message.mid() + " antivirus notification MID " + sent.mid() + " to " + to));
                }
            } else {
                LOG.warn("MID {}: anti-virus notification to {} not sent: {}", message.mid(), to, sent.error());
                if (log != null) {
                    log.warning(MailEvent.of("message.antivirus.notification").with("mid", message.mid())
                            .with("to", to).with("error", sent.error())
                            .text("MID " + message.mid() + " antivirus notification to " + to + " not sent: " + sent.error()));
                }
            }
        }
    }
}
