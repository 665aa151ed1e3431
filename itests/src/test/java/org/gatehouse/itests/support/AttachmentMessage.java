package org.gatehouse.itests.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A message with one file attached, in the transfer encoding a mail client chose for it, and a
 * unique marker in the subject and the text part (to find it at the sink).
 */
public final class AttachmentMessage {

    /** Content-Transfer-Encoding of the attachment. */
    public enum Encoding {
        BASE64("base64"),
        QUOTED_PRINTABLE("quoted-printable");

        private final String header;

        Encoding(String header) {
            this.header = header;
        }
    }

    /** RFC 2045 section 6.7 (note 3): characters some gateways mangle; careful mailers encode them. */
    private static final String UNSAFE = "!\"#$@[\\]^`{|}~";
    private static final int MAX_LINE = 76;

    private AttachmentMessage() {
    }

    public static String with(String from, String to, String marker, String fileName, String contentType, byte[] file,
            Encoding encoding) {
        String encoded = encoding == Encoding.BASE64
                ? Base64.getMimeEncoder(MAX_LINE, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(file)
                : quotedPrintable(file);
        return TestMessage.header(from, to, marker)
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"=_part_" + marker + "\"\r\n"
                + "\r\n"
                + "--=_part_" + marker + "\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n"
                + "Please find " + fileName + " attached. marker " + marker + "\r\n"
                + "--=_part_" + marker + "\r\n"
                + "Content-Type: " + contentType + "; name=\"" + fileName + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
                + "Content-Transfer-Encoding: " + encoding.header + "\r\n"
                + "\r\n"
                + encoded + "\r\n"
                + "--=_part_" + marker + "--";
    }

    /**
     * Quoted-printable as a careful mailer writes it: letters, digits and harmless punctuation as
     * they are, everything else (including the gateway-unsafe characters, spaces and line ends)
     * as =XX, soft line breaks before 76 characters. So an encoded file's bytes are never all
     * together in the raw message: only a scanner that decodes the part sees them.
     */
    static String quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (byte b : bytes) {
            int c = b & 0xff;
            String token = c > 32 && c < 127 && c != '=' && UNSAFE.indexOf(c) < 0
                    ? Character.toString(c)
                    : String.format("=%02X", c);
            if (lineLength + token.length() > MAX_LINE - 1) {
                out.append("=\r\n");
                lineLength = 0;
            }
            out.append(token);
            lineLength += token.length();
        }
        return out.toString();
    }
}
