package org.gatehouse.antivirus.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the leaf parts of a MIME message lie in its raw bytes, so that one part can be cut out
 * and everything else kept byte for byte (Mime4j decodes parts, but does not say where they
 * start and end). Multiparts are followed to any depth within {@code maxDepth}; every other
 * entity, an attached message (message/rfc822) too, is a leaf.
 */
final class MimeLayout {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)[;\\s]boundary\\s*=\\s*(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)[;\\s](?:file)?name\\*?\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");

    /**
     * One leaf part.
     *
     * @param number      its place among the leaves, depth first, from 1 (as the scanner's {@code part n})
     * @param start       its first octet (its header) in the message
     * @param end         the octet after its body (the line break before the next delimiter is not the part's)
     * @param bodyStart   the first octet of its body
     * @param contentType its Content-Type value, lower case, without parameters ({@code text/plain} when absent)
     * @param encoding    its Content-Transfer-Encoding, lower case ({@code 7bit} when absent)
     * @param fileName    its file name from Content-Disposition or Content-Type, or empty
     */
    record Part(int number, int start, int end, int bodyStart, String contentType, String encoding, String fileName) {
    }

    private final byte[] message;
    private final int maxDepth;
    private final List<Part> leaves = new ArrayList<>();
    private boolean multipart;

    private MimeLayout(byte[] message, int maxDepth) {
        this.message = message;
        this.maxDepth = maxDepth;
    }

    /** The layout of a whole message; a message that is not multipart has no separable leaves. */
    static MimeLayout of(byte[] message, int maxDepth) {
        MimeLayout layout = new MimeLayout(message, maxDepth);
        Header top = layout.header(0, message.length);
        if (top.boundary() != null) {
            layout.multipart = true;
            layout.parts(top, message.length, 1);
        }
        return layout;
    }

    /** Whether the message is multipart, so that a part can be cut out at all. */
    boolean multipart() {
        return multipart;
    }

    /** The leaf parts in order; empty for a single-part message. */
    List<Part> leaves() {
        return List.copyOf(leaves);
    }

    /** The header and body of one entity, from {@code start} to {@code end}. */
    private record Header(int start, int bodyStart, String contentType, String encoding, String fileName, String boundary) {
    }

    private void parts(Header parent, int end, int depth) {
        if (depth > maxDepth) {
            // Too deep to take apart: the whole multipart counts as one leaf.
            addLeaf(parent, end);
            return;
        }
        byte[] delimiter = ("--" + parent.boundary()).getBytes(StandardCharsets.ISO_8859_1);
        int partStart = -1;
        int at = parent.bodyStart();
        while (at < end) {
            int lineEnd = lineEnd(at, end);
            int kind = delimiter(at, lineEnd, delimiter);
            if (kind != NOT_A_DELIMITER) {
                boolean close = kind == CLOSE_DELIMITER;
                if (partStart >= 0) {
                    child(partStart, lineBreakBefore(at, partStart), depth);
                }
                if (close) {
                    return;
                }
                partStart = next(lineEnd, end);
            }
            at = next(lineEnd, end);
        }
        // No close delimiter (truncated): the last part runs to the end of its parent.
        if (partStart >= 0 && partStart < end) {
            child(partStart, end, depth);
        }
    }

    private void child(int start, int end, int depth) {
        Header h = header(start, end);
        if (h.boundary() != null && h.contentType().startsWith("multipart/")) {
            parts(h, end, depth + 1);
        } else {
            addLeaf(h, end);
        }
    }

    private void addLeaf(Header h, int end) {
        leaves.add(new Part(leaves.size() + 1, h.start(), Math.max(end, h.bodyStart()), Math.min(h.bodyStart(), end),
                h.contentType(), h.encoding(), h.fileName()));
    }

    /** Reads the header fields of the entity at {@code start} (unfolding them) up to the empty line. */
    private Header header(int start, int end) {
        Fields fields = new Fields();
        int at = start;
        StringBuilder field = null;
        while (at < end) {
            int lineEnd = lineEnd(at, end);
            String line = new String(message, at, contentEnd(at, lineEnd), StandardCharsets.ISO_8859_1);
            at = next(lineEnd, end);
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && field != null) {
                field.append(' ').append(line.trim());
                continue;
            }
            fields.take(field);
            field = new StringBuilder(line);
        }
        fields.take(field);
        String contentType = "text/plain";
        if (!fields.type.isEmpty()) {
            int semi = fields.type.indexOf(';');
            contentType = (semi < 0 ? fields.type : fields.type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        }
        String boundary = null;
        if (contentType.startsWith("multipart/")) {
            Matcher m = BOUNDARY.matcher(";" + fields.type);
            boundary = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
        }
        String fileName = parameter(FILE_NAME, fields.disposition);
        if (fileName.isEmpty()) {
            fileName = parameter(FILE_NAME, fields.type);
        }
        return new Header(start, Math.min(at, end), contentType, fields.encoding, fileName, boundary);
    }

    /** The three header fields that say what a part is. */
    private static final class Fields {
        String type = "";
        String encoding = "7bit";
        String disposition = "";

        void take(StringBuilder field) {
            if (field == null) {
                return;
            }
            String f = field.toString();
            if (f.regionMatches(true, 0, "content-type:", 0, 13)) {
                type = f.substring(13).trim();
            } else if (f.regionMatches(true, 0, "content-transfer-encoding:", 0, 26)) {
                encoding = f.substring(26).trim().toLowerCase(Locale.ROOT);
            } else if (f.regionMatches(true, 0, "content-disposition:", 0, 20)) {
                disposition = f.substring(20).trim();
            }
        }
    }

    private static String parameter(Pattern pattern, String value) {
        Matcher m = pattern.matcher(";" + value);
        if (!m.find()) {
            return "";
        }
        return (m.group(1) != null ? m.group(1) : m.group(2)).trim();
    }

    /** The index of the LF that ends the line at {@code at}, or {@code end} when the line is the last. */
    private int lineEnd(int at, int end) {
        for (int i = at; i < end; i++) {
            if (message[i] == '\n') {
                return i;
            }
        }
        return end;
    }

    private static int next(int lineEnd, int end) {
        return Math.min(lineEnd + 1, end);
    }

    /** The length of the line's text without its CR LF. */
    private int contentEnd(int at, int lineEnd) {
        int e = lineEnd;
        if (e > at && message[e - 1] == '\r') {
            e--;
        }
        return e - at;
    }

    private static final int NOT_A_DELIMITER = 0;
    private static final int DELIMITER = 1;
    private static final int CLOSE_DELIMITER = 2;

    /**
     * Whether the line is {@code --boundary} or {@code --boundary--}, with nothing after it but
     * white space (RFC 2046): a longer boundary that merely starts the same (a nested one) is not.
     */
    private int delimiter(int at, int lineEnd, byte[] delimiter) {
        if (lineEnd - at < delimiter.length) {
            return NOT_A_DELIMITER;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (message[at + i] != delimiter[i]) {
                return NOT_A_DELIMITER;
            }
        }
        int rest = at + delimiter.length;
        int kind = DELIMITER;
        if (rest + 1 < lineEnd && message[rest] == '-' && message[rest + 1] == '-') {
            kind = CLOSE_DELIMITER;
            rest += 2;
        }
        for (int i = rest; i < lineEnd; i++) {
            if (message[i] != ' ' && message[i] != '\t' && message[i] != '\r') {
                return NOT_A_DELIMITER;
            }
        }
        return kind;
    }

    /** Where a part ends before the delimiter at {@code at}: the CR LF before it belongs to the delimiter (RFC 2046). */
    private int lineBreakBefore(int at, int partStart) {
        int e = at;
        if (e > partStart && message[e - 1] == '\n') {
            e--;
            if (e > partStart && message[e - 1] == '\r') {
                e--;
            }
        }
        return e;
    }
}
