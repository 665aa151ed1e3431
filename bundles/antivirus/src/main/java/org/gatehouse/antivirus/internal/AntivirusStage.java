package org.gatehouse.antivirus.internal;

import java.io.InputStream;
import org.gatehouse.api.Entitlement;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.MessageStage;
import org.gatehouse.api.StageResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The anti-virus step of the work queue (band 400), active only while the antivirus feature is
 * licensed. It scans each message with the configured engine, records the verdict (annotation,
 * optional X-Gatehouse-Virus-* headers, mail log line) and applies the verdict's action. When
 * the engine cannot answer it throws, so the core's on.error (tempfail) holds the message.
 */
@Component(service = MessageStage.class, configurationPid = "org.gatehouse.antivirus",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {MessageStage.NAME + "=antivirus", MessageStage.ORDER + ":Integer=400",
            MessageStage.FEATURE + "=antivirus"})
@Designate(ocd = AntivirusConfig.class)
public final class AntivirusStage implements MessageStage {

    static final String HEADER_VERDICT = "X-Gatehouse-Virus-Verdict";
    static final String HEADER_NAME = "X-Gatehouse-Virus-Name";
    static final String HEADER_ENGINE = "X-Gatehouse-Virus-Engine";

    private final Antivirus antivirus;
    private final VerdictActions actions;
    private final boolean addHeaders;
    /** Optional and dynamic: the mail log may come and go (its bundle updated); DS sets the field. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MailLog mailLog;

    @Activate
    public AntivirusStage(AntivirusConfig config, @Reference(name = "antivirus") Antivirus antivirus,
            @Reference(name = "licence", target = "(gatehouse.feature=antivirus)") Entitlement licence) {
        this(antivirus, VerdictActions.from(config), config.add_headers());
    }

    AntivirusStage(Antivirus antivirus, VerdictActions actions, boolean addHeaders) {
        this.antivirus = antivirus;
        this.actions = actions;
        this.addHeaders = addHeaders;
    }

    @Override
    public StageResult process(MailMessage message) throws Exception {
        ScanResult scan;
        try (InputStream content = message.openContent()) {
            scan = antivirus.scan("MID " + message.mid(), content);
        }
        message.annotate("antivirus.verdict", scan.verdict().label());
        if (scan.signature() != null) {
            message.annotate("antivirus.signature", scan.signature());
        }
        if (addHeaders) {
            message.addHeader(HEADER_VERDICT, scan.verdict().label());
            if (scan.signature() != null) {
                message.addHeader(HEADER_NAME, scan.signature());
            }
            message.addHeader(HEADER_ENGINE, antivirus.engineName());
        }
        // The Subject is read from the spool only for a verdict that tags it (never for clean mail).
        if (actions.tagsSubject(scan.verdict())) {
            String subject = actions.subjectFor(scan.verdict(), message.header("Subject"));
            if (subject != null) {
                message.setHeader("Subject", subject);
            }
        }
        log(message.mid(), scan);
        return actions.resultFor(scan);
    }

    private void log(long mid, ScanResult scan) {
        MailLog log = mailLog;
        if (log == null) {
            return;
        }
        StringBuilder text = new StringBuilder("MID ").append(mid).append(" antivirus ").append(scan.verdict().logWord());
        if (scan.signature() != null) {
            text.append(' ').append(scan.signature());
        } else if (!scan.detail().isEmpty()) {
            text.append(" (").append(scan.detail()).append(')');
        }
        MailEvent event = MailEvent.of("message.antivirus").with("mid", mid).with("verdict", scan.verdict().label())
                .with("signature", scan.signature() == null ? "" : scan.signature()).with("detail", scan.detail())
                .text(text.toString());
        if (scan.verdict() == ScanVerdict.CLEAN) {
            log.info(event);
        } else {
            log.warning(event);
        }
    }
}
