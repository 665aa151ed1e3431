package org.gatehouse.antispam.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.Recipient;

/**
 * Recognises reports admins forward to the configured addresses: one for spam that got
 * through, one for good mail that was flagged. Only reports that came in from a trusted sender
 * group count, so nobody outside can teach the model.
 */
final class MisclassificationReports {

    private final String spamAddress;
    private final String hamAddress;
    private final Set<String> trustedGroups;

    MisclassificationReports(String spamAddress, String hamAddress, List<String> trustedGroups) {
        this.spamAddress = normalise(spamAddress);
        this.hamAddress = normalise(hamAddress);
        this.trustedGroups = trustedGroups.stream().map(g -> g.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    static MisclassificationReports from(AntispamConfig config) {
        String[] groups = config.report_sender_groups() == null ? new String[0] : config.report_sender_groups();
        return new MisclassificationReports(config.report_spam_address(), config.report_ham_address(), Arrays.asList(groups));
    }

    /** {@code true}: a report of missed spam; {@code false}: a false positive; empty: ordinary mail. */
    Optional<Boolean> reportedAsSpam(MailMessage message) {
        String group = message.connection().senderGroup();
        if (group == null || !trustedGroups.contains(group.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<Recipient> recipients = message.envelope().recipients();
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        boolean allSpam = !spamAddress.isEmpty() && recipients.stream().allMatch(r -> normalise(r.address()).equals(spamAddress));
        boolean allHam = !hamAddress.isEmpty() && recipients.stream().allMatch(r -> normalise(r.address()).equals(hamAddress));
        // A report addressed to other people too is mail, not a report: it is delivered normally.
        return allSpam ? Optional.of(true) : allHam ? Optional.of(false) : Optional.empty();
    }

    private static String normalise(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }
}
