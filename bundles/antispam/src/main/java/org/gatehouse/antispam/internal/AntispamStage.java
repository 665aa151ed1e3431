package org.gatehouse.antispam.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.gatehouse.api.Entitlement;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.MessageStage;
import org.gatehouse.api.StageResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The anti-spam step of the work queue (band 300), active only while the antispam feature is
 * licensed. Scores each message, adds the verdict headers, applies the verdict's action and
 * learns from misclassification reports (then drops them). An engine that cannot answer makes
 * it throw: the core tempfails the message, it is never passed unscanned.
 */
@Component(service = MessageStage.class, configurationPid = "org.gatehouse.antispam",
        property = {MessageStage.NAME + "=antispam", MessageStage.ORDER + ":Integer=300",
            MessageStage.FEATURE + "=antispam"})
@Designate(ocd = AntispamConfig.class)
public final class AntispamStage implements MessageStage {

    static final String SCORE_HEADER = "X-Gatehouse-Spam-Score";
    static final String VERDICT_HEADER = "X-Gatehouse-Spam-Verdict";
    static final String RULES_HEADER = "X-Gatehouse-Spam-Rules";
    static final String ENGINE_HEADER = "X-Gatehouse-Spam-Engine";
    private static final int HEADER_RULES = 10;

    private final Antispam antispam;
    private final VerdictActions actions;
    private final MisclassificationReports reports;
    private final boolean addHeaders;
    private final String positivePrefix;
    private final String suspectedPrefix;
    /** Optional and dynamic: the mail log may come and go (its bundle updated); DS sets the field. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MailLog mailLog;

    @Activate
    public AntispamStage(AntispamConfig config,
            @Reference(target = "(gatehouse.feature=antispam)") Entitlement licence,
            @Reference Antispam antispam) {
        this.antispam = antispam;
        this.actions = VerdictActions.from(config);
        this.reports = MisclassificationReports.from(config);
        this.addHeaders = config.add_headers();
        this.positivePrefix = config.positive_subject_prefix();
        this.suspectedPrefix = config.suspected_subject_prefix();
    }

    @Override
    public StageResult process(MailMessage message) throws IOException {
        Optional<Boolean> report = reports.reportedAsSpam(message);
        if (report.isPresent()) {
            return learnReport(message, report.get());
        }
        PolicyChoice policy = PolicyChoice.of(message.connection(), antispam.thresholds());
        SpamEngine chosen = antispam.engine(policy.engine());
        SpamScore score;
        try (InputStream content = message.openContent()) {
            score = chosen.check(content, MessageFacts.of(message));
        }
        SpamVerdict verdict = policy.thresholds().verdict(score.score());
        String engine = chosen.describe();
        String rules = String.join(", ", score.rules().subList(0, Math.min(HEADER_RULES, score.rules().size())));
        message.annotate("antispam.score", Integer.toString(score.score()));
        message.annotate("antispam.verdict", verdict.label());
        message.annotate("antispam.rules", rules);
        String prefix = verdict == SpamVerdict.POSITIVE ? positivePrefix : verdict == SpamVerdict.SUSPECTED ? suspectedPrefix : "";
        if (prefix != null && !prefix.isEmpty()) {
            // Reading the Subject is a spool read: only for the verdicts that tag it, not for ham.
            String tagged = SubjectPrefix.apply(message.header("Subject"), prefix);
            if (tagged != null) {
                message.setHeader("Subject", tagged);
            }
        }
        if (addHeaders) {
            message.addHeader(SCORE_HEADER, Integer.toString(score.score()));
            message.addHeader(VERDICT_HEADER, verdict.label());
            message.addHeader(RULES_HEADER, rules.isEmpty() ? "none" : rules);
            message.addHeader(ENGINE_HEADER, engine);
        }
        String reason = "antispam " + verdict.label() + " score " + score.score();
        log(MailEvent.of("message.antispam").with("mid", message.mid()).with("verdict", verdict.label())
                .with("score", score.score()).with("rules", rules).with("engine", engine).with("action", actions.actionFor(verdict).name().toLowerCase())
                .text("MID " + message.mid() + " " + reason));
        return actions.resultFor(verdict, reason);
    }

    private StageResult learnReport(MailMessage message, boolean spam) throws IOException {
        Optional<byte[]> attached;
        try (InputStream content = message.openContent()) {
            attached = ReportedMessage.attached(content);
        }
        SpamModel.Learned outcome;
        if (attached.isPresent()) {
            outcome = antispam.learn(new ByteArrayInputStream(attached.get()), spam);
        } else {
            try (InputStream content = message.openContent()) {
                outcome = antispam.learn(content, spam);
            }
        }
        String as = spam ? "spam" : "ham";
        String reason = "antispam report learned as " + as + " (" + outcome.name().toLowerCase().replace('_', ' ') + ")";
        log(MailEvent.of("message.antispam.report").with("mid", message.mid()).with("learned", as)
                .with("outcome", outcome.name().toLowerCase()).text("MID " + message.mid() + " " + reason));
        return StageResult.drop(reason);
    }

    private void log(MailEvent event) {
        MailLog log = mailLog;
        if (log != null) {
            log.info(event);
        }
    }
}
