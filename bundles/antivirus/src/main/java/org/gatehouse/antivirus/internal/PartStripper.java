package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * The {@code strip} action (IronPort's "repair"): every leaf MIME part in which the engine finds
 * a virus is replaced by a short text/plain part saying which file was removed and why; the
 * structure and every other octet of the message stay as they were. Each part is scanned on its
 * own (the message scan stops at its first hit), and the result is scanned again as a whole:
 * only a message that is then clean counts as repaired. A single-part message, or a virus that
 * is outside any part (or anything else the second scan finds), cannot be repaired.
 */
final class PartStripper {

    /** One part that was cut out. */
    record RemovedPart(int number, String fileName, String signature) {
        /** As the mail log says it: {@code part 2 "a.zip"}. */
        String describe() {
            return "part " + number + (fileName.isEmpty() ? "" : " \"" + fileName + "\"");
        }
    }

    /**
     * What strip achieved.
     *
     * @param content the repaired message, or null when it could not be repaired
     * @param removed the parts cut out (empty when not repaired)
     * @param why     why it could not be repaired, or empty
     */
    record Repair(byte[] content, List<RemovedPart> removed, String why) {
        boolean repaired() {
            return content != null;
        }

        static Repair impossible(String why) {
            return new Repair(null, List.of(), why);
        }

        /** {@code part 2 "a.zip", part 3 removed} for the mail log. */
        String describeRemoved() {
            List<String> parts = new ArrayList<>();
            for (RemovedPart p : removed) {
                parts.add(p.describe());
            }
            return String.join(", ", parts) + " removed";
        }
    }

    private final int maxDepth;

    PartStripper(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    Repair strip(String name, byte[] message, VirusEngine engine) throws IOException {
        MimeLayout layout = MimeLayout.of(message, maxDepth);
        if (!layout.multipart()) {
            return Repair.impossible("single-part message");
        }
        List<RemovedPart> removed = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length);
        int copied = 0;
        for (MimeLayout.Part part : layout.leaves()) {
            ScanResult r = engine.scan(name + "/part " + part.number(), decodedBody(message, part));
            if (r.verdict() != ScanVerdict.INFECTED) {
                continue;
            }
            RemovedPart gone = new RemovedPart(part.number(), printable(part.fileName()), r.signature());
            removed.add(gone);
            out.write(message, copied, part.start() - copied);
            out.write(replacement(gone, part));
            copied = part.end();
        }
        if (removed.isEmpty()) {
            return Repair.impossible("the virus is not inside an attachment");
        }
        out.write(message, copied, message.length - copied);
        byte[] repaired = out.toByteArray();
        ScanResult again = engine.scan(name + " (repaired)", new ByteArrayInputStream(repaired));
        if (again.verdict() != ScanVerdict.CLEAN) {
            return Repair.impossible("still " + again.describe() + " with the infected parts removed");
        }
        return new Repair(repaired, List.copyOf(removed), "");
    }

    /** The part's body as the recipient's mail client would decode it. */
    private static InputStream decodedBody(byte[] message, MimeLayout.Part part) {
        InputStream raw = new ByteArrayInputStream(message, part.bodyStart(), part.end() - part.bodyStart());
        return switch (part.encoding()) {
            case "base64" -> new Base64InputStream(raw);
            case "quoted-printable" -> new QuotedPrintableInputStream(raw);
            default -> raw;
        };
    }

    /** The text part that takes the infected one's place (no line break at its end: that belongs to the delimiter). */
    private static byte[] replacement(RemovedPart gone, MimeLayout.Part part) {
        String file = gone.fileName().isEmpty() ? "An attachment (part " + gone.number() + ", " + part.contentType() + ")"
                : "The attachment \"" + gone.fileName() + "\"";
        String text = "Content-Type: text/plain; charset=us-ascii\r\n"
                + "Content-Disposition: inline\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n"
                + file + " was removed from this message by the mail gateway:\r\n"
                + "it contained the virus " + printable(gone.signature()) + ".\r\n"
                + "The rest of the message is as the sender wrote it.";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Printable ASCII only, so the notice part stays 7bit whatever the file name held. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 32 && c < 127 && c != '"' ? c : '_');
        }
        return b.toString();
    }
}
