package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * The parts of a mail message, decoded from base64 or quoted-printable (Mime4j), including
 * attached messages (message/rfc822). It applies to the top object of a scan and to {@code .eml}
 * members, not to every part: a text part that happens to start like a header is just text.
 */
final class MimeParts implements Unpacker {

    private static final Pattern FILE_NAME = Pattern.compile("(?i)\\b(?:file)?name\\*?=\"?([^\";\\r\\n]+)");
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:");
    /** Permissive and unbounded (the scan's own limits bound the work); immutable, so built once. */
    private static final MimeConfig CONFIG = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1).setMaxContentLen(-1).setStrictParsing(false).build();

    private final ScanLimits limits;

    MimeParts(ScanLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean accepts(ScannedObject object) {
        boolean candidate = object.depth() == 0 || object.name().toLowerCase(Locale.ROOT).endsWith(".eml");
        if (!candidate) {
            return false;
        }
        int end = Math.min(object.data().length, 998);
        String first = new String(object.data(), 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        return HEADER_LINE.matcher(first).find();
    }

    @Override
    public void unpack(ScannedObject object, Members members) throws IOException {
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        stream.parse(new ByteArrayInputStream(object.data()));
        int part = 0;
        int nesting = 0;
        String fileName = "";
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MULTIPART, T_START_MESSAGE -> {
                        if (++nesting > limits.maxDepth() * 2) {
                            throw new UnscannableException(object.path() + ": MIME parts nested too deep");
                        }
                    }
                    case T_END_MULTIPART, T_END_MESSAGE -> nesting--;
                    case T_START_HEADER -> fileName = "";
                    case T_FIELD -> fileName = fileName(stream.getField().getName(), stream.getField().getBody(), fileName);
                    case T_BODY -> {
                        part++;
                        String member = "part " + part + (fileName.isEmpty() ? "" : " " + fileName);
                        if ("base64".equalsIgnoreCase(stream.getBodyDescriptor().getTransferEncoding())) {
                            // Most of a mail's bytes are base64 attachments: decoded in one pass, no stream.
                            byte[] raw = stream.getInputStream().readAllBytes();
                            members.add(member, Base64Body.decode(raw, raw.length));
                        } else {
                            try (InputStream in = stream.getDecodedInputStream()) {
                                members.add(member, in, -1);
                            }
                        }
                    }
                    default -> {
                        // Preamble, epilogue and raw entity states carry nothing to unpack.
                    }
                }
            }
        } catch (MimeException e) {
            throw new IOException("MIME structure: " + e.getMessage(), e);
        }
    }

    private static String fileName(String field, String body, String current) {
        String f = field.toLowerCase(Locale.ROOT);
        if (!f.equals("content-disposition") && !(f.equals("content-type") && current.isEmpty())) {
            return current;
        }
        Matcher m = FILE_NAME.matcher(body);
        return m.find() ? m.group(1).trim() : current;
    }
}
