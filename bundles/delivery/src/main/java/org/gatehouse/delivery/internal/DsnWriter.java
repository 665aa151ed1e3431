package org.gatehouse.delivery.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.Spool;

/**
 * Writes a delivery status notification (RFC 3464: multipart/report with a human part, the
 * message/delivery-status part and the original headers) into the spool, addressed to the
 * sender of the message that failed, from the null sender so that it never bounces itself.
 */
final class DsnWriter {

    /** Original headers beyond this are left out; the DSN stays small. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_DIAGNOSTIC = 900;
    private static final long COMMIT_TIMEOUT_SECONDS = 60;

    /** One recipient the DSN reports. */
    record FailedRecipient(Recipient recipient, SmtpReply reply, String remoteMta) {
    }

    private final String hostname;
    private final String postmaster;
    private final Supplier<Spool> spool;
    private final Clock clock;

    DsnWriter(String hostname, String postmaster, Supplier<Spool> spool, Clock clock) {
        this.hostname = hostname;
        this.postmaster = postmaster;
        this.spool = spool;
        this.clock = clock;
    }

    /**
     * Queues the DSN and returns its MID once it is durable.
     *
     * @throws IOException the spool is absent or could not take it: the caller keeps the
     *                     recipients queued so the bounce is not lost
     */
    long queue(QueuedMessage original, List<FailedRecipient> failed) throws IOException {
        Spool target = spool.get();
        if (target == null) {
            throw new IOException("No spool to queue the DSN in");
        }
        long mid = target.allocateMid();
        Envelope envelope = new Envelope("", List.of(new Recipient(0, original.envelope().mailFrom())),
                original.envelope().smtpUtf8(), eightBit(original) ? "8BITMIME" : "7BIT");
        Connection gateway = new Connection(0, "delivery", "127.0.0.1", hostname, true, hostname,
                null, "GATEWAY", "DSN", null);
        IncomingMessage dsn = target.receive(mid, envelope, gateway);
        try {
            write(dsn, original, failed, mid);
            dsn.commit().toCompletableFuture().get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return mid;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dsn.abort();
            throw new IOException("Interrupted while queueing the DSN", e);
        } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
            dsn.abort();
            throw new IOException("Could not queue the DSN for MID " + original.mid(), e);
        }
    }

    private static boolean eightBit(QueuedMessage original) {
        String body = original.envelope().body();
        return body != null && !body.equalsIgnoreCase("7BIT");
    }

    private void write(IncomingMessage dsn, QueuedMessage original, List<FailedRecipient> failed, long mid)
            throws IOException {
        String boundary = "gatehouse-dsn-" + mid + "-" + clock.millis();
        StringBuilder text = new StringBuilder(2048);
        line(text, "From: Mail Delivery System <" + postmaster + ">");
        line(text, "To: <" + original.envelope().mailFrom() + ">");
        line(text, "Subject: Undelivered Mail Returned to Sender");
        line(text, "Date: " + date(clock.instant()));
        line(text, "Message-ID: <dsn." + mid + "." + clock.millis() + "@" + hostname + ">");
        line(text, "Auto-Submitted: auto-replied");
        line(text, "MIME-Version: 1.0");
        line(text, "Content-Type: multipart/report; report-type=delivery-status;");
        line(text, "\tboundary=\"" + boundary + "\"");
        line(text, "");
        line(text, "This is a MIME-encapsulated message.");
        line(text, "");
        line(text, "--" + boundary);
        line(text, "Content-Description: Notification");
        line(text, "Content-Type: text/plain; charset=utf-8");
        line(text, "");
        line(text, "This is the mail system at host " + hostname + ".");
        line(text, "");
        line(text, "Your message could not be delivered to one or more recipients.");
        line(text, "It is attached below (headers only).");
        line(text, "");
        for (FailedRecipient f : failed) {
            String where = f.remoteMta() == null ? "" : " host " + f.remoteMta() + " said:";
            line(text, "<" + f.recipient().address() + ">:" + where + " " + oneLine(f.reply().toString()));
        }
        line(text, "");
        line(text, "--" + boundary);
        line(text, "Content-Description: Delivery report");
        line(text, "Content-Type: message/delivery-status");
        line(text, "");
        line(text, "Reporting-MTA: dns; " + hostname);
        line(text, "X-Gatehouse-MID: " + original.mid());
        line(text, "Arrival-Date: " + date(original.received()));
        String lastAttempt = date(clock.instant());
        for (FailedRecipient f : failed) {
            line(text, "");
            // RFC 6533: an internationalized address is typed utf-8 rather than rfc822.
            String address = f.recipient().address();
            boolean ascii = address.chars().allMatch(c -> c < 128);
            line(text, "Final-Recipient: " + (ascii ? "rfc822; " : "utf-8; ") + address);
            line(text, "Action: failed");
            line(text, "Status: " + f.reply().status());
            if (f.remoteMta() != null) {
                line(text, "Remote-MTA: dns; " + f.remoteMta());
            }
            line(text, "Diagnostic-Code: " + (f.reply().remote() ? "smtp; " : "X-Gatehouse; ")
                    + oneLine(f.reply().toString()));
            line(text, "Last-Attempt-Date: " + lastAttempt);
        }
        line(text, "");
        line(text, "--" + boundary);
        line(text, "Content-Description: Undelivered Message Headers");
        line(text, "Content-Type: text/rfc822-headers");
        line(text, "");
        dsn.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        dsn.write(ByteBuffer.wrap(originalHeaders(original)));
        dsn.write(ByteBuffer.wrap(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    /** The header section of the original, read from the spool up to the blank line. */
    static byte[] originalHeaders(QueuedMessage original) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream(4096);
        try (InputStream content = new BufferedInputStream(original.openContent(), 8192)) {
            int previous = -1;
            boolean lineStart = true;
            for (int b = content.read(); b >= 0 && headers.size() < MAX_HEADER_BYTES; b = content.read()) {
                if (lineStart && (b == '\r' || b == '\n')) {
                    break;
                }
                if (b == '\n' && previous != '\r') {
                    headers.write('\r');
                }
                headers.write(b);
                lineStart = b == '\n';
                previous = b;
            }
            if (!lineStart) {
                headers.write('\r');
                headers.write('\n');
            }
        }
        return headers.toByteArray();
    }

    private static String oneLine(String text) {
        String flat = text.replace('\r', ' ').replace('\n', ' ');
        return flat.length() > MAX_DIAGNOSTIC ? flat.substring(0, MAX_DIAGNOSTIC) : flat;
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append("\r\n");
    }
}
