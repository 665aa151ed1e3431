package org.gatehouse.mailauth.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The configuration as the engine and the stage use it, with the problems found in it. */
public record MailAuthSettings(boolean spf, boolean dkim, boolean dmarc, String dnsServer, Duration dnsTimeout,
                        String authservId, DmarcAction rejectAction, DmarcAction quarantineAction,
                        String quarantineName, String tagPrefix, boolean addHeader, boolean checkAuthenticated,
                               List<String> problems) {

    public MailAuthSettings {
        problems = List.copyOf(problems);
    }

    /** What happens to a message that fails DMARC with this policy applied. */
    public DmarcAction action(DmarcPolicy applied) {
        return switch (applied) {
            case REJECT -> rejectAction;
            case QUARANTINE -> quarantineAction;
            case NONE -> DmarcAction.DELIVER;
        };
    }

    static MailAuthSettings defaults() {
        return new MailAuthSettings(true, true, true, "", Duration.ofSeconds(2), hostName(), DmarcAction.QUARANTINE,
                DmarcAction.QUARANTINE, "dmarc", "[DMARC FAIL]", true, false, List.of());
    }

    static MailAuthSettings from(MailAuthConfig config) {
        List<String> problems = new ArrayList<>();
        DmarcAction reject = action(config.dmarc_reject_action(), problems);
        DmarcAction quarantine = action(config.dmarc_quarantine_action(), problems);
        String id = config.authserv_id() == null || config.authserv_id().isBlank() ? hostName() : config.authserv_id().strip();
        String quarantineName = config.dmarc_quarantine_name() == null || config.dmarc_quarantine_name().isBlank()
                ? "dmarc" : config.dmarc_quarantine_name().strip();
        return new MailAuthSettings(config.spf_enabled(), config.dkim_enabled(), config.dmarc_enabled(),
                config.dns_server() == null ? "" : config.dns_server().strip(),
                Duration.ofMillis(Math.max(100, config.dns_timeout_millis())), id, reject, quarantine, quarantineName,
                config.dmarc_tag_subject_prefix() == null ? "" : config.dmarc_tag_subject_prefix(), config.add_header(),
                config.check_authenticated(), problems);
    }

    private static DmarcAction action(String text, List<String> problems) {
        try {
            return DmarcAction.of(text, DmarcAction.QUARANTINE);
        } catch (IllegalArgumentException e) {
            // A typo must not let forged mail through: the safe default holds, and the console shows the mistake.
            problems.add(e.getMessage() + "; quarantine is used");
            return DmarcAction.QUARANTINE;
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The same settings with one more problem to show. */
    MailAuthSettings withProblem(String problem) {
        List<String> more = new ArrayList<>(problems);
        more.add(problem);
        return new MailAuthSettings(spf, dkim, dmarc, dnsServer, dnsTimeout, authservId, rejectAction, quarantineAction,
                quarantineName, tagPrefix, addHeader, checkAuthenticated, more);
    }
}
