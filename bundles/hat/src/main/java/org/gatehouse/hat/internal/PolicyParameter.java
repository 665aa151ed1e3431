package org.gatehouse.hat.internal;

import java.util.List;
import java.util.Locale;

import org.gatehouse.api.SmtpAuth;
import org.gatehouse.api.TlsLevel;

/**
 * Every mail flow policy parameter, with its config key and the listener default it has when the
 * listener's config does not set it. A policy that leaves a parameter unset inherits it.
 */
public enum PolicyParameter {
    MAX_MESSAGE_SIZE("max.message.size", Kind.SIZE, 10_485_760L, "Largest message in octets (advertised in SIZE)"),
    MAX_CONNECTIONS_PER_IP("max.connections.per.ip", Kind.COUNT, 10, "Concurrent connections from one address (0 = no limit)"),
    MAX_MESSAGES_PER_CONNECTION("max.messages.per.connection", Kind.COUNT, 10, "Messages in one session (0 = no limit)"),
    MAX_RECIPIENTS_PER_MESSAGE("max.recipients.per.message", Kind.COUNT, 50, "RCPTs in one transaction (0 = no limit)"),
    BANNER("banner", Kind.TEXT, "", "220 greeting text ($RemoteIP, $Hostname); empty = the listener's"),
    REJECT_CODE("reject.code", Kind.REPLY_CODE, 554, "Reply code for REJECT"),
    REJECT_BANNER("reject.banner", Kind.TEXT, "5.7.1 Access denied", "Reply text for REJECT ($RemoteIP, $Hostname)"),
    TLS("tls", Kind.TLS, TlsLevel.PREFERRED,
            "STARTTLS: OFF, PREFERRED, REQUIRED or REQUIRED_VERIFY_CLIENT (a client certificate the listener's CA list signed)"),
    SMTP_AUTH("smtp.auth", Kind.AUTH, SmtpAuth.OFF, "SMTP AUTH: OFF, PREFERRED (offered) or REQUIRED (no mail without it)"),
    MAX_RECIPIENTS_PER_HOUR("max.recipients.per.hour", Kind.COUNT, 0,
            "Recipients one remote host may send in an hour, across listeners (0 = no limit)"),
    RECIPIENTS_PER_HOUR_REPLY("recipients.per.hour.reply", Kind.REPLY, "452 4.5.3 Too many recipients received this hour",
            "Reply past the hourly recipient limit"),
    MAX_INVALID_RECIPIENTS_PER_HOUR("max.invalid.recipients.per.hour", Kind.COUNT, 0,
            "Directory harvest prevention: invalid recipients per host and hour before it is cut off (0 = off)"),
    DHAP_REPLY("dhap.reply", Kind.REPLY, "550 5.1.1 Too many invalid recipients", "Reply to a host cut off by DHAP"),
    ANTISPAM("antispam", Kind.SWITCH, Boolean.TRUE, "Scan for spam (false: skip the antispam stage)"),
    ANTIVIRUS("antivirus", Kind.SWITCH, Boolean.TRUE, "Scan for viruses (false: skip the antivirus stage)"),
    SPF_VERIFICATION("spf.verification", Kind.SWITCH, Boolean.TRUE, "Check the sender's SPF record (mailauth stage)"),
    DKIM_VERIFICATION("dkim.verification", Kind.SWITCH, Boolean.TRUE, "Verify DKIM signatures (mailauth stage)"),
    DMARC_VERIFICATION("dmarc.verification", Kind.SWITCH, Boolean.TRUE,
            "Apply the From: domain's DMARC policy (mailauth stage)"),
    ANTISPAM_ENGINE("antispam.engine", Kind.CHOICE, "", "Anti-spam engine for this policy: embedded, spamd or rspamd "
            + "(empty: the antispam config's)", "embedded", "spamd", "rspamd"),
    ANTISPAM_POSITIVE_THRESHOLD("antispam.positive.threshold", Kind.SCORE, 0,
            "Spam score (50-99) from which mail is positive (0: the antispam config's)", "50", "99"),
    ANTISPAM_SUSPECTED_THRESHOLD("antispam.suspected.threshold", Kind.SCORE, 0,
            "Spam score (25-99) from which mail is suspected (0: the antispam config's)", "25", "99"),
    ANTIVIRUS_ENGINE("antivirus.engine", Kind.CHOICE, "", "Anti-virus engine for this policy: embedded or clamd "
            + "(empty: the antivirus config's)", "embedded", "clamd"),
    ANTIVIRUS_ACTION_INFECTED("antivirus.action.infected", Kind.CHOICE, "", "What happens to infected mail under "
            + "this policy (empty: the antivirus config's)", "deliver", "drop", "bounce", "quarantine", "strip", "notice");

    enum Kind { SIZE, COUNT, TEXT, REPLY_CODE, REPLY, TLS, AUTH, SWITCH, CHOICE, SCORE }

    private final String key;
    private final Kind kind;
    private final Object builtIn;
    private final String description;
    /** For {@link Kind#CHOICE}: the values allowed besides empty; for {@link Kind#SCORE}: the lowest and highest score. */
    private final List<String> choices;

    PolicyParameter(String key, Kind kind, Object builtIn, String description, String... choices) {
        this.key = key;
        this.kind = kind;
        this.builtIn = builtIn;
        this.description = description;
        this.choices = List.of(choices);
    }

    public String key() {
        return key;
    }

    /** The default when neither the policy nor the listener sets the parameter. */
    Object builtIn() {
        return builtIn;
    }

    public String description() {
        return description;
    }

    static PolicyParameter byKey(String key) {
        for (PolicyParameter p : values()) {
            if (p.key.equalsIgnoreCase(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown policy parameter '" + key + "'; known: " + keys());
    }

    static String keys() {
        StringBuilder b = new StringBuilder();
        for (PolicyParameter p : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(p.key);
        }
        return b.toString();
    }

    /**
     * The typed value of a raw config value (String from a .cfg file, or a typed one), or null when
     * it is absent or blank (unset).
     *
     * @throws IllegalArgumentException naming the parameter and the value
     */
    Object parse(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return null;
        }
        String text = raw.toString().trim();
        String constant = text.toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return switch (kind) {
                case SIZE -> nonNegative(Long.parseLong(text));
                case COUNT -> (int) nonNegative(Integer.parseInt(text));
                case REPLY_CODE -> replyCode(Integer.parseInt(text));
                case TEXT -> text;
                case REPLY -> reply(text);
                case TLS -> TlsLevel.valueOf(constant);
                case AUTH -> SmtpAuth.valueOf(constant);
                case SWITCH -> bool(text);
                case CHOICE -> choice(text.toLowerCase(Locale.ROOT));
                case SCORE -> score(Integer.parseInt(text.trim()));
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad value '" + text + "' for " + key + ": " + expected(), e);
        }
    }

    private String expected() {
        return switch (kind) {
            case SIZE, COUNT -> "expected a whole number >= 0";
            case REPLY_CODE -> "expected a reply code 400..599";
            case TEXT -> "expected text";
            case REPLY -> "expected a full SMTP reply starting with a 4xx or 5xx code, e.g. 452 4.5.3 Too many";
            case TLS -> "expected OFF, PREFERRED, REQUIRED or REQUIRED_VERIFY_CLIENT";
            case AUTH -> "expected OFF, PREFERRED or REQUIRED";
            case SWITCH -> "expected true or false";
            case CHOICE -> "expected one of " + String.join(", ", choices);
            case SCORE -> "expected a score " + choices.get(0) + ".." + choices.get(1) + ", or 0 for the stage's own";
        };
    }

    private String choice(String text) {
        if (!choices.contains(text)) {
            throw new IllegalArgumentException("not a choice");
        }
        return text;
    }

    private int score(int v) {
        if (v != 0 && (v < Integer.parseInt(choices.get(0)) || v > Integer.parseInt(choices.get(1)))) {
            throw new IllegalArgumentException("out of range");
        }
        return v;
    }

    private static long nonNegative(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative");
        }
        return v;
    }

    private static int replyCode(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("not a failure code");
        }
        return code;
    }

    private static String reply(String text) {
        if (!text.matches("[45]\\d\\d( .*)?")) {
            throw new IllegalArgumentException("not a reply");
        }
        return text;
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("on") || text.equalsIgnoreCase("yes")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("off") || text.equalsIgnoreCase("no")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a switch");
    }
}
