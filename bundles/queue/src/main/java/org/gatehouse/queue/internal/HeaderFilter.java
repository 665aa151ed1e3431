package org.gatehouse.queue.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Serves spooled content without some header fields: those a stage replaced (a tagged Subject,
 * for example). The spool file itself never changes. Only the header section is read into
 * memory, up to a bound; the body streams through untouched.
 */
final class HeaderFilter {

    /** A header section longer than this is not a header section we rewrite; served as it is. */
    static final int MAX_HEADER_BYTES = 1024 * 1024;

    private HeaderFilter() {
    }

    /** The content with every field named in {@code names} (lower case), continuation lines included, left out. */
    static InputStream without(InputStream content, Set<String> names) throws IOException {
        byte[] section = readHeaderSection(content);
        byte[] kept = filter(section, names);
        return new SequenceInputStream(new ByteArrayInputStream(kept), content);
    }

    /** How many octets leaving those fields out saves, for the delivered size. */
    static long removedOctets(InputStream content, Set<String> names) throws IOException {
        byte[] section = readHeaderSection(content);
        return section.length - filter(section, names).length;
    }

    /** The first field of that name (case-insensitive), unfolded, or null. */
    static String firstValue(InputStream content, String name) throws IOException {
        String section = new String(readHeaderSection(content), StandardCharsets.UTF_8);
        String wanted = name.toLowerCase(Locale.ROOT);
        StringBuilder value = null;
        for (String line : section.split("\r\n", -1)) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (value != null) {
                if (!continuation) {
                    return value.toString().trim();
                }
                value.append(' ').append(line.trim());
            } else if (!continuation && fieldName(line).equals(wanted)) {
                value = new StringBuilder(line.substring(line.indexOf(':') + 1));
            }
        }
        return value == null ? null : value.toString().trim();
    }

    /** Reads through the empty line that ends the header section (or the bound, or the end). */
    private static byte[] readHeaderSection(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        int matched = 0; // of CR LF CR LF
        int b;
        while (out.size() < MAX_HEADER_BYTES && (b = in.read()) >= 0) {
            out.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4 || (matched == 2 && out.size() == 2)) {
                break; // the empty line; at the very start it means the message has no header fields
            }
        }
        return out.toByteArray();
    }

    private static byte[] filter(byte[] section, Set<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(section.length);
        boolean dropping = false;
        int start = 0;
        while (start < section.length) {
            int end = lineEnd(section, start);
            boolean continuation = section[start] == ' ' || section[start] == '\t';
            boolean endOfSection = end - start == 2 && section[start] == '\r';
            if (!continuation) {
                dropping = !endOfSection
                        && names.contains(fieldName(new String(section, start, end - start, StandardCharsets.UTF_8)));
            }
            if (!dropping) {
                out.write(section, start, end - start);
            }
            start = end;
        }
        return out.toByteArray();
    }

    /** Index just after the line's LF (or the end of the section). */
    private static int lineEnd(byte[] section, int start) {
        for (int i = start; i < section.length; i++) {
            if (section[i] == '\n') {
                return i + 1;
            }
        }
        return section.length;
    }

    private static String fieldName(String line) {
        int colon = line.indexOf(':');
        return colon <= 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    }
}
