package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.Spool;

/**
 * Tells the admin, the sender and/or the recipients that a message had a verdict, in new
 * messages queued through the {@link Spool}: they then pass the whole pipeline like any other
 * mail (REFERENCE 12, complaint 7). A notification is a short text with the MID, verdict,
 * signature, sender, recipients and subject; it never carries the message's content. It comes
 * from the null sender {@code <>}, so nothing can bounce back to it and no notification loops.
 */
final class VirusNotifications {

    private static final long COMMIT_TIMEOUT_SECONDS = 60;

    /**
     * Who is notified, for which verdicts.
     *
     * @param admin      the admin's address, or empty for none
     * @param sender     notify the envelope sender (backscatter when the sender is forged)
     * @param recipients notify the envelope recipients
     * @param verdicts   the verdict labels that notify ({@code infected} covers repaired messages too)
     * @param from       the From address of the notifications
     * @param hostname   this host's name, for Message-IDs
     */
    record Settings(String admin, boolean sender, boolean recipients, Set<String> verdicts, String from, String hostname) {
        Settings {
            verdicts = Set.copyOf(verdicts);
        }

        static Settings from(AntivirusConfig config, String hostname) {
            Set<String> verdicts = new LinkedHashSet<>();
            for (String v : config.notify_verdicts().split(",")) {
                String label = v.trim().toLowerCase(Locale.ROOT);
                if (label.isEmpty()) {
                    continue;
                }
                if (Arrays.stream(ScanVerdict.values()).noneMatch(s -> s.label().equals(label))) {
                    throw new IllegalArgumentException("notify.verdicts: no verdict " + v.trim()
                            + " (infected, encrypted, unscannable, repaired)");
                }
                verdicts.add(label);
            }
            return new Settings(config.notify_admin().trim(), config.notify_sender(), config.notify_recipients(), verdicts,
                    noticeFrom(config, hostname), hostname);
        }

        static String noticeFrom(AntivirusConfig config, String hostname) {
            return config.notice_from().isBlank() ? "MAILER-DAEMON@" + hostname : config.notice_from().trim();
        }

        boolean anyone() {
            return !admin.isEmpty() || sender || recipients;
        }
    }

    /**
     * The facts a notification states.
     *
     * @param outcome what the stage did, e.g. {@code quarantined}, {@code repaired (part 2 "a.zip" removed)}
     */
    record Facts(long mid, ScanResult scan, ScanVerdict verdict, String outcome, String engine, String sender,
                 List<String> recipients, String subject) {
    }

    /**
     * One notification: queued as {@code mid}, or not queued ({@code mid} 0) for the reason in {@code error}.
     */
    record Sent(long mid, List<String> to, String error) {
    }

    private final Settings settings;
    private final Supplier<Spool> spool;
    private final Clock clock;

    VirusNotifications(Settings settings, Supplier<Spool> spool, Clock clock) {
        this.settings = settings;
        this.spool = spool;
        this.clock = clock;
    }

    /** Whether a message scanned with this verdict and ending with that one is to be notified. */
    boolean wanted(ScanVerdict scanned, ScanVerdict outcome) {
        return settings.anyone() && (settings.verdicts().contains(scanned.label())
                || settings.verdicts().contains(outcome.label()));
    }

    /**
     * Queues one notification per audience (admin, sender, recipients). A notification that
     * cannot be queued is reported, not thrown: the message's own fate is decided already.
     */
    List<Sent> send(Facts facts) {
        List<Sent> sent = new ArrayList<>();
        if (!settings.admin().isEmpty()) {
            sent.add(queue(facts, List.of(settings.admin()), true));
        }
        // A message from the null sender (a bounce, another notice) has no one to tell.
        if (settings.sender() && !facts.sender().isEmpty()) {
            sent.add(queue(facts, List.of(facts.sender()), true));
        }
        if (settings.recipients() && !facts.recipients().isEmpty()) {
            // Recipients are not shown each other (some were Bcc).
            sent.add(queue(facts, facts.recipients(), false));
        }
        return sent;
    }

    private Sent queue(Facts facts, List<String> to, boolean showRecipients) {
        Spool target = spool.get();
        if (target == null) {
            return new Sent(0, to, "no spool to queue it in");
        }
        long mid;
        try {
            mid = target.allocateMid();
        } catch (IOException e) {
            return new Sent(0, to, e.getMessage());
        }
        List<Recipient> rcpts = new ArrayList<>();
        for (String address : to) {
            rcpts.add(new Recipient(rcpts.size(), address));
        }
        Connection gateway = new Connection(0, "antivirus", "127.0.0.1", settings.hostname(), true, settings.hostname(),
                null, "GATEWAY", "NOTIFICATION", null);
        IncomingMessage message = null;
        try {
            message = target.receive(mid, new Envelope("", rcpts, false, "7BIT"), gateway);
            message.write(ByteBuffer.wrap(text(facts, to, mid, showRecipients).getBytes(StandardCharsets.US_ASCII)));
            message.commit().toCompletableFuture().get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Sent(mid, to, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message.abort();
            return new Sent(0, to, "interrupted");
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            if (message != null) {
                message.abort();
            }
            return new Sent(0, to, String.valueOf(e.getMessage()));
        }
    }

    /** The whole notification, 7-bit text with CRLF line ends. */
    String text(Facts facts, List<String> to, long mid, boolean showRecipients) {
        StringBuilder b = new StringBuilder(1024);
        line(b, "From: Mail Gateway <" + settings.from() + ">");
        line(b, VirusNotice.folded("To: " + angled(to)));
        line(b, "Subject: Anti-virus: " + facts.verdict().label() + " message from "
                + (facts.sender().isEmpty() ? "<>" : ascii(facts.sender())) + " (MID " + facts.mid() + ")");
        line(b, "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
        line(b, "Message-ID: <av-notify." + facts.mid() + "." + mid + "@" + settings.hostname() + ">");
        line(b, "Auto-Submitted: auto-generated");
        line(b, "MIME-Version: 1.0");
        line(b, "Content-Type: text/plain; charset=us-ascii");
        line(b, "Content-Transfer-Encoding: 7bit");
        line(b, "");
        line(b, "The mail gateway's virus scan of a message found:");
        line(b, "");
        line(b, "  MID:        " + facts.mid());
        line(b, "  Verdict:    " + facts.scan().verdict().label());
        if (facts.scan().signature() != null) {
            line(b, "  Virus:      " + ascii(facts.scan().signature()));
        }
        if (facts.scan().detail() != null && !facts.scan().detail().isEmpty()) {
            line(b, "  Where/why:  " + ascii(facts.scan().detail()));
        }
        line(b, "  Engine:     " + facts.engine());
        line(b, "  Action:     " + ascii(facts.outcome()));
        line(b, "  Sender:     <" + ascii(facts.sender()) + ">");
        if (showRecipients) {
            line(b, VirusNotice.folded("  Recipients: " + ascii(angled(facts.recipients()))));
        }
        line(b, "  Subject:    " + (facts.subject() == null ? "" : ascii(facts.subject())));
        line(b, "");
        line(b, "The message itself is not included in this notification.");
        return b.toString();
    }

    private static String angled(List<String> addresses) {
        List<String> out = new ArrayList<>();
        for (String a : addresses) {
            out.add("<" + a + ">");
        }
        return String.join(", ", out);
    }

    /** Printable ASCII, so a notification is always 7-bit whatever the original's header held. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 32 && c < 127 ? c : '?');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append("\r\n");
    }
}
