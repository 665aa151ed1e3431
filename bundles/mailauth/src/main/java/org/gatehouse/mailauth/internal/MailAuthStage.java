package org.gatehouse.mailauth.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.gatehouse.api.Connection;
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

/**
 * The mail authentication step of the work queue (band 150, before anti-spam at 300; part of
 * every installation, not licensed): SPF, DKIM and DMARC per the connection's mail flow policy
 * ({@code mailauth.spf|dkim|dmarc = on|off}, else this bundle's configuration), one
 * Authentication-Results field, annotations for later stages, mail log lines, and the
 * configured action when a domain's DMARC policy says quarantine or reject.
 */
@Component(service = MessageStage.class, configurationPid = "org.gatehouse.mailauth",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {MessageStage.NAME + "=mailauth", MessageStage.ORDER + ":Integer=150"})
public final class MailAuthStage implements MessageStage {

    static final String STAGE = "mailauth";
    static final String HEADER = "Authentication-Results";

    private final MailAuth mailAuth;
    /** Optional and dynamic: the mail log may come and go (its bundle updated); DS sets the field. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MailLog mailLog;

    @Activate
    public MailAuthStage(@Reference(name = "mailAuth") MailAuth mailAuth) {
        this.mailAuth = mailAuth;
    }

    MailAuthStage(MailAuth mailAuth, MailLog mailLog) {
        this.mailAuth = mailAuth;
        this.mailLog = mailLog;
    }

    @Override
    public StageResult process(MailMessage message) throws IOException {
        MailAuthSettings settings = mailAuth.settings();
        Connection connection = message.connection();
        if (connection != null && connection.authenticatedUser() != null && !settings.checkAuthenticated()) {
            // Submission by a user who proved who they are: outgoing mail, which SPF and DMARC of
            // the user's own domain would wrongly fail from a home or mobile address.
            message.annotate("mailauth.skipped", "SMTP AUTH submission by " + connection.authenticatedUser());
            return StageResult.proceed();
        }
        MailAuth.Switches switches = new MailAuth.Switches(
                on(connection, "spf", settings.spf()), on(connection, "dkim", settings.dkim()), on(connection, "dmarc", settings.dmarc()));
        if (!switches.any()) {
            message.annotate("mailauth.skipped", "policy " + (connection == null ? "" : connection.policy()) + " turns SPF, DKIM and DMARC off");
            return StageResult.proceed();
        }
        InetAddress ip = clientAddress(connection);
        String mailFrom = message.envelope().mailFrom();
        String helo = connection == null ? "" : connection.helo();
        MailAuth.Authentication result = mailAuth.authenticate(message::openContent, ip, mailFrom, helo, switches);
        long mid = message.mid();
        if (switches.spf() && result.spf() != null) {
            SpfVerdict spf = result.spf();
            message.annotate("mailauth.spf", spf.result().label());
            log(MailEvent.of("message.spf").with("mid", mid).with("identity", spf.identity()).with("sender", spf.sender())
                    .with("result", spf.result().label())
                    .text("MID " + mid + " SPF: " + spf.identity() + " identity " + spf.sender() + " " + spf.result().logWord()));
        }
        if (switches.dkim()) {
            message.annotate("mailauth.dkim", DkimVerifier.overall(result.dkim()).label());
            if (result.dkim().isEmpty()) {
                log(MailEvent.of("message.dkim").with("mid", mid).with("result", "none").text("MID " + mid + " DKIM: no signature"));
            } else {
                message.annotate("mailauth.dkim.signatures", result.dkim().stream()
                        .map(v -> v.result().label() + " d=" + v.domain() + " s=" + v.selector()).collect(Collectors.joining(", ")));
            }
            for (DkimVerdict v : result.dkim()) {
                log(MailEvent.of("message.dkim").with("mid", mid).with("result", v.result().label()).with("domain", v.domain())
                        .with("selector", v.selector()).with("reason", v.reason()).text("MID " + mid + " DKIM: " + v.logText()));
            }
        }
        StageResult verdict = StageResult.proceed();
        if (switches.dmarc() && result.dmarc() != null) {
            verdict = dmarc(message, result.dmarc(), settings);
        }
        if (settings.addHeader()) {
            message.setHeader(HEADER, mailAuth.authenticationResults(result));
        }
        return verdict;
    }

    private StageResult dmarc(MailMessage message, DmarcVerdict dmarc, MailAuthSettings settings) throws IOException {
        long mid = message.mid();
        message.annotate("mailauth.dmarc", dmarc.result().label());
        if (!dmarc.fromDomain().isEmpty()) {
            message.annotate("mailauth.dmarc.domain", dmarc.fromDomain());
        }
        log(MailEvent.of("message.dmarc").with("mid", mid).with("domain", dmarc.fromDomain()).with("result", dmarc.result().label())
                .with("spf.aligned", dmarc.spfAligned()).with("dkim.aligned", dmarc.dkimAligned())
                .text("MID " + mid + " DMARC: " + dmarc.logText()));
        if (dmarc.result() == DmarcResult.PASS) {
            log(MailEvent.of("message.dmarc.verdict").with("mid", mid).with("result", "pass").text("MID " + mid + " DMARC: Verification passed"));
            return StageResult.proceed();
        }
        if (dmarc.result() != DmarcResult.FAIL) {
            return StageResult.proceed();
        }
        message.annotate("mailauth.dmarc.policy", dmarc.applied().label());
        DmarcAction action = settings.action(dmarc.applied());
        String reason = "DMARC policy " + dmarc.applied().label() + " of " + dmarc.fromDomain();
        log(MailEvent.of("message.dmarc.verdict").with("mid", mid).with("result", "fail").with("policy", dmarc.applied().label())
                .with("action", action.label())
                .text("MID " + mid + " DMARC: Verification failed, policy " + dmarc.applied().label() + " applied: " + action.label()
                        + (action == DmarcAction.QUARANTINE ? " " + settings.quarantineName() : "")));
        return switch (action) {
            case QUARANTINE -> StageResult.quarantine(settings.quarantineName(), reason);
            case DROP -> StageResult.drop(reason);
            case TAG -> {
                String subject = message.header("Subject");
                String prefix = settings.tagPrefix().isEmpty() || settings.tagPrefix().endsWith(" ") ? settings.tagPrefix()
                        : settings.tagPrefix() + " ";
                message.setHeader("Subject", prefix + (subject == null ? "" : subject));
                yield StageResult.proceed();
            }
            case DELIVER -> StageResult.proceed();
        };
    }

    /** The policy's {@code mailauth.<check>} (on|off), else the configured default. */
    static boolean on(Connection connection, String check, boolean fallback) {
        String value = connection == null ? null : connection.stageSetting(STAGE, check);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return List.of("on", "true", "yes").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static InetAddress clientAddress(Connection connection) {
        if (connection == null || connection.remoteIp() == null) {
            return null;
        }
        try {
            return IpAddresses.parse(connection.remoteIp());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void log(MailEvent event) {
        MailLog log = mailLog;
        if (log != null) {
            log.info(event);
        }
    }
}
