package org.gatehouse.smtplistener.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a command line's bytes into verb and argument. NUL is never accepted; 8-bit octets
 * must be valid UTF-8 and are only allowed where SMTPUTF8 (RFC 6531) permits them.
 *
 * @param verb      upper-cased
 * @param arg       the rest of the line after the first space
 * @param eightBit  the line holds non-ASCII characters
 */
record CommandDecoder(String verb, String arg, boolean eightBit) {

    /** MAIL's argument (upper-cased) names the SMTPUTF8 parameter after the path. */
    private static final Pattern SMTPUTF8_PARAMETER = Pattern.compile(".*>.* SMTPUTF8( .*)?");

    static CommandDecoder decode(byte[] bytes, int length) throws SmtpReplyException {
        boolean eightBit = false;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                throw new SmtpReplyException(Replies.NUL_IN_COMMAND);
            }
            eightBit |= bytes[i] < 0;
        }
        String line = eightBit ? utf8(bytes, length) : new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        return new CommandDecoder(verb, space < 0 ? "" : line.substring(space + 1), eightBit);
    }

    /**
     * Refuses 8-bit text unless the session is ESMTP and this is MAIL with the SMTPUTF8
     * parameter, or RCPT inside such a transaction.
     */
    void check8Bit(boolean esmtp, boolean utf8Transaction) throws SmtpReplyException {
        if (!eightBit) {
            return;
        }
        boolean allowed = esmtp && (("MAIL".equals(verb) && SMTPUTF8_PARAMETER.matcher(arg.toUpperCase(Locale.ROOT)).matches())
                || ("RCPT".equals(verb) && utf8Transaction));
        if (!allowed) {
            throw new SmtpReplyException("MAIL".equals(verb) || "RCPT".equals(verb)
                    ? Replies.NEED_SMTPUTF8 : Replies.EIGHT_BIT_COMMAND);
        }
    }

    private static String utf8(byte[] bytes, int length) throws SmtpReplyException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new SmtpReplyException(Replies.BAD_UTF8);
        }
    }
}
