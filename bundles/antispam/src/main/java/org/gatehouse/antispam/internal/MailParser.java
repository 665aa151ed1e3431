package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Takes a message apart with Mime4j: top-level headers (encoded words decoded), every text part
 * decoded from its transfer encoding and charset, HTML parts through {@link HtmlScanner}, and
 * the structure of every part. Reads at most {@link #MAX_PART_BYTES} of each part and
 * {@link #MAX_PARTS} parts, so a huge or hostile message costs bounded time.
 */
final class MailParser {

    static final int MAX_PART_BYTES = 256 * 1024;
    static final int MAX_PARTS = 100;
    private static final int MAX_HEADERS = 500;
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]*");
    private static final Pattern FILENAME = Pattern.compile("(?i)\\b(?:file)?name\\*?=\\s*\"?([^\";]+)");

    private final MimeConfig config = MimeConfig.custom()
            .setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).setMaxContentLen(-1)
            .setStrictParsing(false).build();

    ParsedMail parse(InputStream content) throws IOException {
        ParsedMail mail = new ParsedMail();
        MimeTokenStream stream = new MimeTokenStream(config, DecodeMonitor.SILENT, null);
        stream.parse(MboxFromLine.skip(content));
        int headerBlocks = 0;
        String filename = "";
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_HEADER -> {
                        headerBlocks++;
                        filename = "";
                    }
                    case T_FIELD -> {
                        HeaderField field = decode(stream.getField());
                        if (headerBlocks == 1 && mail.headers.size() < MAX_HEADERS) {
                            mail.headers.add(field);
                        }
                        if (field.is("Content-Disposition") || field.is("Content-Type")) {
                            filename = filename.isEmpty() ? filename(field.value()) : filename;
                        }
                    }
                    case T_BODY -> {
                        if (mail.parts.size() >= MAX_PARTS) {
                            return mail;
                        }
                        body(stream, filename, mail);
                    }
                    default -> {
                    }
                }
            }
        } catch (MimeException e) {
            // Broken structure is itself a fact about the message; what was read so far is kept.
            mail.markup.add("mime:broken");
        }
        return mail;
    }

    private static HeaderField decode(Field field) {
        String raw = field.getBody() == null ? "" : field.getBody();
        String unfolded = FOLD.matcher(raw).replaceAll(" ").trim();
        return new HeaderField(field.getName(), DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT));
    }

    private static void body(MimeTokenStream stream, String filename, ParsedMail mail) throws IOException {
        BodyDescriptor descriptor = stream.getBodyDescriptor();
        String type = descriptor.getMimeType() == null ? "text/plain" : descriptor.getMimeType().toLowerCase(Locale.ROOT);
        String declared = descriptor.getCharset() == null ? "" : descriptor.getCharset().toLowerCase(Locale.ROOT);
        String encoding = descriptor.getTransferEncoding() == null ? "7bit"
                : descriptor.getTransferEncoding().toLowerCase(Locale.ROOT);
        byte[] bytes;
        try (InputStream in = stream.getDecodedInputStream()) {
            bytes = in.readNBytes(MAX_PART_BYTES);
        }
        mail.parts.add(new MimePart(type, declared, encoding, filename, bytes.length));
        boolean text = type.startsWith("text/") && filename.isEmpty();
        if (!text) {
            return;
        }
        String decoded = new String(bytes, charset(declared, mail));
        if (type.equals("text/html")) {
            HtmlScanner.scan(decoded, mail);
            UriFinder.find(mail.htmlText, mail.uris);
        } else {
            mail.plainText.append(decoded).append('\n');
            UriFinder.find(decoded, mail.uris);
        }
    }

    /** The {@code filename=} or {@code name=} parameter, lower case, or empty. */
    static String filename(String headerValue) {
        Matcher m = FILENAME.matcher(headerValue);
        return m.find() ? m.group(1).trim().toLowerCase(Locale.ROOT) : "";
    }

    private static Charset charset(String declared, ParsedMail mail) {
        if (declared.isEmpty() || declared.equals("us-ascii")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            // Unknown or garbled charset names are common in spam; read the bytes as Latin-1.
            mail.unknownCharsets++;
            return StandardCharsets.ISO_8859_1;
        }
    }
}
