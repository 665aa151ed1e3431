package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.InputStream;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.StageResult;

/**
 * Carries out a verdict's action on one message. The two that change the content, strip (the
 * infected parts replaced by a note: verdict {@code repaired}) and notice (the message wrapped
 * as an attachment of a new one), go through {@link MailMessage#replaceContent}, so the message
 * keeps its MID and recipients and the new content is durable. A message strip cannot repair
 * gets {@code action.unrepairable}.
 */
final class ContentRewrites {

    /**
     * What was done.
     *
     * @param verdict         the verdict the message leaves with ({@code repaired} after a strip)
     * @param result          the pipeline's answer
     * @param note            what the mail log adds in brackets (e.g. {@code part 2 "a.zip" removed}), or empty
     * @param subjectWritten  the new content has its Subject prefixed already (a notice)
     * @param originalSubject the Subject before a notice replaced the message, else null
     * @param actionWord      the action in words, for notifications
     */
    record Outcome(ScanVerdict verdict, StageResult result, String note, boolean subjectWritten, String originalSubject,
                   String actionWord) {
    }

    private final PartStripper stripper;
    private final VirusNotice notice;

    ContentRewrites(PartStripper stripper, VirusNotice notice) {
        this.stripper = stripper;
        this.notice = notice;
    }

    Outcome apply(MailMessage message, VirusEngine engine, ScanResult scan, VerdictActions actions) throws IOException {
        VerdictActions.Action action = actions.actionFor(scan.verdict());
        String note = "";
        if (action == VerdictActions.Action.STRIP) {
            byte[] content = read(message);
            PartStripper.Repair repair = stripper.strip("MID " + message.mid(), content, engine);
            if (repair.repaired()) {
                message.replaceContent(out -> out.write(repair.content()));
                return new Outcome(ScanVerdict.REPAIRED, StageResult.proceed(), repair.describeRemoved(), false, null,
                        "repaired (" + repair.describeRemoved() + ")");
            }
            action = actions.unrepairable();
            note = "not repairable: " + repair.why() + "; " + action.label();
        }
        if (action == VerdictActions.Action.NOTICE) {
            String subject = message.header("Subject");
            VirusNotice.Original original = new VirusNotice.Original(message.mid(), subject, message.header("To"),
                    message.header("Cc"), message.header("Date"));
            byte[] content = read(message);
            String prefix = actions.prefix(scan.verdict());
            message.replaceContent(out -> notice.write(out, original, scan, prefix, content));
            String what = "delivered as an attachment to a notice";
            String done = note.isEmpty() ? what : note + ", " + what;
            return new Outcome(scan.verdict(), StageResult.proceed(), done, true, subject, done);
        }
        return new Outcome(scan.verdict(), actions.resultFor(action, scan), note, false, null,
                note.isEmpty() ? word(action) : word(action) + ", " + note);
    }

    private static String word(VerdictActions.Action action) {
        return switch (action) {
            case DELIVER, STRIP, NOTICE -> "delivered";
            case DROP -> "dropped";
            case BOUNCE -> "bounced";
            case QUARANTINE -> "quarantined";
        };
    }

    /** The whole message, as strip and notice need it in hand (the scanner reads it whole too). */
    private static byte[] read(MailMessage message) throws IOException {
        try (InputStream in = message.openContent()) {
            return in.readAllBytes();
        }
    }
}
