package org.gatehouse.antivirus.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The {@code notice} action ("deliver as attachment to a new notice"): the recipients get a new
 * message from the gateway, with the original's To, Cc and Date and its Subject behind the
 * verdict's prefix, that explains the verdict in a text part and carries the original, as it
 * was, as a message/rfc822 attachment.
 */
final class VirusNotice {

    /**
     * The facts of the original the notice repeats.
     *
     * @param subject the original Subject, or null
     * @param to      its To field, or null
     * @param cc      its Cc field, or null
     * @param date    its Date field, or null (the notice is then dated now)
     */
    record Original(long mid, String subject, String to, String cc, String date) {
    }

    private final String from;
    private final String hostname;
    private final Clock clock;

    VirusNotice(String from, String hostname, Clock clock) {
        this.from = from;
        this.hostname = hostname;
        this.clock = clock;
    }

    /** Writes the notice with {@code content} (the whole original message) attached. */
    void write(OutputStream out, Original original, ScanResult scan, String subjectPrefix, byte[] content)
            throws IOException {
        String boundary = boundaryNotIn(content);
        StringBuilder head = new StringBuilder(1024);
        line(head, "From: Mail Gateway <" + from + ">");
        if (original.to() != null) {
            line(head, folded("To: " + original.to()));
        }
        if (original.cc() != null) {
            line(head, folded("Cc: " + original.cc()));
        }
        line(head, "Date: " + (original.date() != null ? original.date()
                : DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC))));
        line(head, "Subject: " + subject(subjectPrefix, original.subject()));
        line(head, "Message-ID: <av-notice." + original.mid() + "." + clock.millis() + "@" + hostname + ">");
        head.append(gatehouseFields(content));
        line(head, "MIME-Version: 1.0");
        line(head, "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"");
        line(head, "");
        line(head, "This is a MIME-encapsulated message.");
        line(head, "");
        line(head, "--" + boundary);
        line(head, "Content-Type: text/plain; charset=us-ascii");
        line(head, "Content-Transfer-Encoding: 7bit");
        line(head, "");
        for (String text : explanation(scan)) {
            line(head, text);
        }
        line(head, "");
        line(head, "--" + boundary);
        line(head, "Content-Type: message/rfc822");
        line(head, "Content-Disposition: attachment; filename=\"original-message.eml\"");
        line(head, "Content-Transfer-Encoding: " + (eightBit(content) ? "8bit" : "7bit"));
        line(head, "");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(content);
        // The line break before the delimiter is the delimiter's (RFC 2046): the attachment is the original exactly.
        StringBuilder tail = new StringBuilder();
        line(tail, "");
        line(tail, "--" + boundary + "--");
        out.write(tail.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The original's X-Gatehouse-* fields (earlier stages' verdicts, e.g. anti-spam's), as they
     * were written, so that servers downstream still find them on top of the notice.
     */
    static String gatehouseFields(byte[] content) {
        StringBuilder fields = new StringBuilder();
        boolean copying = false;
        int at = 0;
        while (at < content.length) {
            int end = at;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            String line = new String(content, at, end - at, StandardCharsets.ISO_8859_1);
            at = end + 1;
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (text.isEmpty()) {
                break;
            }
            boolean continuation = text.charAt(0) == ' ' || text.charAt(0) == '\t';
            if (!continuation) {
                copying = text.regionMatches(true, 0, "X-Gatehouse-", 0, 12);
            }
            if (copying) {
                fields.append(text).append("\r\n");
            }
        }
        return fields.toString();
    }

    static String subject(String prefix, String subject) {
        if (prefix.isEmpty()) {
            return subject == null ? "" : subject;
        }
        return subject == null || subject.isBlank() ? prefix : prefix + " " + subject;
    }

    /** What the recipient reads: what was found, why the message comes as an attachment, what to do. */
    static String[] explanation(ScanResult scan) {
        String detail = scan.detail() == null || scan.detail().isEmpty() ? "" : " (" + PartStripper.printable(scan.detail()) + ")";
        return switch (scan.verdict()) {
            case INFECTED -> new String[] {
                "The mail gateway found the virus " + PartStripper.printable(String.valueOf(scan.signature())) + detail,
                "in the message attached below. It is delivered to you only as an attachment.",
                "",
                "Do not open the attached message or its attachments. If you need its content,",
                "ask the sender to send it again once their computer is clean, or ask your",
                "mail administrator."};
            case ENCRYPTED -> new String[] {
                "The message attached below contains password-protected content" + detail + ".",
                "The mail gateway cannot look inside it, so it was not scanned for viruses.",
                "",
                "Open it only if you expected it from this sender and got the password from them",
                "another way (not in the same message). If in doubt, ask your mail administrator."};
            default -> new String[] {
                "The message attached below could not be scanned for viruses" + detail + ".",
                "",
                "Open it only if you expected it from this sender. If in doubt, ask your mail",
                "administrator, who can have it checked."};
        };
    }

    /** An address list unfolded by the spool, folded again after its commas when it would pass 78 octets. */
    static String folded(String field) {
        return field.length() <= 78 ? field : field.replace(", ", ",\r\n ");
    }

    private static String boundaryNotIn(byte[] content) {
        // A random boundary practically never occurs in the content; it is checked all the same.
        for (int i = 0; i < 8; i++) {
            String b = "=_gatehouse-av-" + UUID.randomUUID();
            if (indexOf(content, b.getBytes(StandardCharsets.US_ASCII)) < 0) {
                return b;
            }
        }
        throw new IllegalStateException("no MIME boundary that the message does not contain");
    }

    private static int indexOf(byte[] data, byte[] p) {
        outer:
        for (int i = 0; i <= data.length - p.length; i++) {
            for (int k = 0; k < p.length; k++) {
                if (data[i + k] != p[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean eightBit(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append("\r\n");
    }
}
