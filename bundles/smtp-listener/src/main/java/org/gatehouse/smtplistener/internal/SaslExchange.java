package org.gatehouse.smtplistener.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * One SASL exchange of SMTP AUTH (RFC 4954) with the PLAIN (RFC 4616) or LOGIN mechanism: from
 * the AUTH command, through the {@code 334} challenges, to the credentials or a refusal. Knows
 * nothing about sessions or accounts; the caller verifies what comes out and wipes the password.
 */
final class SaslExchange {

    static final String MECHANISMS = "PLAIN LOGIN";
    private static final String USERNAME_CHALLENGE = "334 " + encode("Username:");
    private static final String PASSWORD_CHALLENGE = "334 " + encode("Password:");

    /** What to do next. */
    sealed interface Step permits Challenge, Credentials, Refusal {
    }

    /** Send this 334 line and pass the client's next line to the exchange's {@link #respond}. */
    record Challenge(String reply, SaslExchange exchange) implements Step {
    }

    /** The client is done: verify these. */
    record Credentials(String mechanism, String user, char[] password) implements Step {
        void wipe() {
            Arrays.fill(password, '\0');
        }
    }

    /** The exchange failed before any credentials: reply this. */
    record Refusal(String reply) implements Step {
    }

    private enum Mechanism { PLAIN, LOGIN }

    private final Mechanism mechanism;
    /** LOGIN: the user name once the client gave it. */
    private String loginUser;

    private SaslExchange(Mechanism mechanism) {
        this.mechanism = mechanism;
    }

    /** Starts an exchange from the AUTH command's argument ({@code mechanism [initial-response]}). */
    static Step start(String arg) {
        String[] parts = arg.trim().split(" +");
        if (parts[0].isEmpty() || parts.length > 2) {
            return new Refusal(Replies.AUTH_SYNTAX);
        }
        Mechanism mechanism;
        try {
            mechanism = Mechanism.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Refusal(Replies.AUTH_UNKNOWN_MECHANISM);
        }
        SaslExchange started = new SaslExchange(mechanism);
        if (parts.length == 2) {
            // "=" is an initial response of zero length (RFC 4954 4).
            return started.respond("=".equals(parts[1]) ? "" : parts[1]);
        }
        return new Challenge(mechanism == Mechanism.PLAIN ? "334 " : USERNAME_CHALLENGE, started);
    }

    /** The client's answer to the last challenge (a base64 line, or {@code *} to cancel). */
    Step respond(String line) {
        String text = line.trim();
        if ("*".equals(text)) {
            return new Refusal(Replies.AUTH_CANCELLED);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new Refusal(Replies.AUTH_BAD_BASE64);
        }
        try {
            return mechanism == Mechanism.PLAIN ? plain(decoded) : login(decoded);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    /** {@code [authzid] NUL authcid NUL passwd}; acting for another identity is not offered. */
    private static Step plain(byte[] message) {
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (first < 0 || second < 0 || indexOf(message, second + 1) >= 0) {
            return new Refusal(Replies.AUTH_BAD_RESPONSE);
        }
        String authzid = utf8String(message, 0, first);
        String user = utf8String(message, first + 1, second);
        char[] password = utf8Chars(message, second + 1, message.length);
        if (authzid == null || user == null || password == null || user.isEmpty()) {
            return new Refusal(Replies.AUTH_BAD_RESPONSE);
        }
        if (!authzid.isEmpty() && !authzid.equals(user)) {
            // Credentials that are right cannot make this succeed: fail them like wrong ones.
            return new Credentials("PLAIN", user, new char[0]);
        }
        return new Credentials("PLAIN", user, password);
    }

    private Step login(byte[] answer) {
        if (loginUser == null) {
            String user = utf8String(answer, 0, answer.length);
            if (user == null || user.isEmpty()) {
                return new Refusal(Replies.AUTH_BAD_RESPONSE);
            }
            loginUser = user;
            return new Challenge(PASSWORD_CHALLENGE, this);
        }
        char[] password = utf8Chars(answer, 0, answer.length);
        return password == null ? new Refusal(Replies.AUTH_BAD_RESPONSE) : new Credentials("LOGIN", loginUser, password);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String utf8String(byte[] bytes, int from, int to) {
        char[] chars = utf8Chars(bytes, from, to);
        return chars == null ? null : new String(chars);
    }

    /** Strict UTF-8 straight into a char array (a password never becomes a String). */
    private static char[] utf8Chars(byte[] bytes, int from, int to) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
