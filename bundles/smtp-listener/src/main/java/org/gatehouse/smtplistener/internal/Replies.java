package org.gatehouse.smtplistener.internal;

import java.util.ArrayList;
import java.util.List;

/** Reply texts of the listener, in one place so that admins find them. */
final class Replies {

    static final String OK = "250 2.0.0 Ok";
    static final String SENDER_OK = "250 2.1.0 Sender ok";
    static final String RECIPIENT_OK = "250 2.1.5 Recipient ok";
    static final String START_DATA = "354 End data with <CR><LF>.<CR><LF>";
    static final String READY_FOR_TLS = "220 2.0.0 Ready to start TLS";
    static final String VRFY = "252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery";
    static final String HELP = "214 2.0.0 Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH";
    static final String LINE_TOO_LONG = "500 5.5.2 Line too long";
    static final String UNRECOGNIZED = "500 5.5.2 Command not recognized";
    static final String NUL_IN_COMMAND = "500 5.5.2 NUL character not allowed in commands";
    static final String BAD_UTF8 = "501 5.5.2 Invalid UTF-8 in command";
    static final String EIGHT_BIT_COMMAND = "501 5.5.2 8-bit characters not allowed in commands";
    static final String NEED_SMTPUTF8 = "553 5.6.7 Non-ASCII address requires SMTPUTF8";
    static final String HELO_FIRST = "503 5.5.1 Send EHLO/HELO first";
    static final String NESTED_MAIL = "503 5.5.1 Nested MAIL command";
    static final String MAIL_FIRST = "503 5.5.1 Need MAIL command first";
    static final String RCPT_FIRST = "503 5.5.1 Need RCPT command first";
    static final String DATA_AFTER_BDAT = "503 5.5.1 DATA not allowed after BDAT";
    static final String TLS_ACTIVE = "503 5.5.1 TLS already active";
    static final String TLS_UNAVAILABLE = "454 4.7.0 TLS not available";
    static final String TLS_REQUIRED = "530 5.7.0 Must issue a STARTTLS command first";
    static final String TOO_BIG = "552 5.3.4 Message size exceeds fixed maximum message size";
    static final String BARE_LINE_END = "550 5.6.11 Message refused: bare CR or LF in the content (RFC 5321 2.3.8)";
    static final String SPOOL_UNAVAILABLE = "451 4.3.0 Mail queue not available, try again later";
    static final String SPOOL_FAILED = "451 4.3.0 Error: queue file write error, try again later";
    static final String TOO_MANY_RECIPIENTS = "452 4.5.3 Too many recipients";
    static final String TOO_MANY_MESSAGES = "452 4.7.0 Too many messages in this session";
    static final String BYE = "221 2.0.0 Bye";
    static final String CLIENT_CERTIFICATE_REQUIRED = "530 5.7.0 Client certificate required";
    static final String AUTH_OK = "235 2.7.0 Authentication successful";
    static final String AUTH_FAILED = "535 5.7.8 Authentication credentials invalid";
    static final String AUTH_REQUIRED = "530 5.7.0 Authentication required";
    static final String AUTH_SYNTAX = "501 5.5.4 Syntax: AUTH mechanism [initial-response]";
    static final String AUTH_UNKNOWN_MECHANISM = "504 5.5.4 Unrecognized authentication type";
    static final String AUTH_CANCELLED = "501 5.7.0 Authentication cancelled";
    static final String AUTH_BAD_BASE64 = "501 5.5.2 Cannot decode response";
    static final String AUTH_BAD_RESPONSE = "501 5.5.2 Invalid authentication response";
    static final String AUTH_TWICE = "503 5.5.1 Already authenticated";
    static final String AUTH_IN_TRANSACTION = "503 5.5.1 AUTH not allowed during a mail transaction";
    static final String AUTH_NOT_OFFERED = "503 5.5.1 Authentication not enabled";
    static final String AUTH_NEEDS_TLS = "538 5.7.11 Encryption required for requested authentication mechanism";
    static final String AUTH_UNAVAILABLE = "454 4.7.0 Temporary authentication failure";

    private Replies() {
    }

    static String queued(long mid) {
        return "250 2.0.0 Ok: queued as " + mid;
    }

    static String chunkReceived(long octets) {
        return "250 2.0.0 " + octets + " octets received";
    }

    static String timeout(String host) {
        return "421 4.4.2 " + host + " Error: timeout exceeded";
    }

    static String tooManyErrors(String host) {
        return "421 4.7.0 " + host + " Error: too many errors";
    }

    static String tooMuchInput(String host) {
        return "421 4.7.0 " + host + " Error: too much pipelined input";
    }

    static String tooManyConnections(String host) {
        return "421 4.3.2 " + host + " Too many connections, try again later";
    }

    static String tooManyConnectionsFromHost(String host) {
        return "421 4.7.0 " + host + " Too many concurrent connections from your address, try again later";
    }

    static String tooManyAuthFailures(String host) {
        return "421 4.7.0 " + host + " Error: too many failed authentications";
    }

    static String shuttingDown(String host) {
        return "421 4.3.2 " + host + " Service shutting down, try again later";
    }

    static String temporaryFailure(String host) {
        return "421 4.3.0 " + host + " Service temporarily unavailable";
    }

    /** The EHLO reply: keywords carry no enhanced codes (RFC 2034 covers status replies only). */
    static void ehlo(StringBuilder out, String host, String helo, long maxSize, boolean offerTls, boolean offerAuth) {
        List<String> lines = new ArrayList<>();
        lines.add(host + " Hello " + helo);
        lines.add("PIPELINING");
        lines.add("SIZE " + maxSize);
        lines.add("8BITMIME");
        lines.add("SMTPUTF8");
        lines.add("ENHANCEDSTATUSCODES");
        lines.add("CHUNKING");
        if (offerTls) {
            lines.add("STARTTLS");
        }
        if (offerAuth) {
            lines.add("AUTH " + SaslExchange.MECHANISMS);
        }
        for (int i = 0; i < lines.size(); i++) {
            out.append("250").append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
        }
    }
}
