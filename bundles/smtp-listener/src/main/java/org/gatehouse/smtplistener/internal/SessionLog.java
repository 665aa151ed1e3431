package org.gatehouse.smtplistener.internal;

import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;

/**
 * The mail log lines of one connection (ICID), in the familiar shape. Does nothing while no
 * MailLog is registered; never writes to karaf.log per message.
 */
final class SessionLog {

    private final MailServices services;
    private final String listener;
    private final long icid;

    SessionLog(MailServices services, String listener, long icid) {
        this.services = services;
        this.listener = listener;
        this.icid = icid;
    }

    /** The connection and what the HAT found out about the host (null when the decision failed). */
    void connected(String address, String remoteIp, HostDecision d) {
        MailLog log = services.mailLog();
        if (log != null) {
            String ptr = d == null ? null : d.reverseDns();
            boolean verified = d != null && d.reverseDnsVerified();
            log.info(MailEvent.of("connection.new").with("icid", icid).with("listener", listener)
                    .with("interface", address).with("ip", remoteIp).with("ptr", ptr).with("verified", verified)
                    .text("New SMTP ICID " + icid + " interface " + listener + " (" + address + ") address "
                            + remoteIp + " reverse dns host " + (ptr == null ? "unknown" : ptr) + " verified "
                            + (verified ? "yes" : "no")));
        }
    }

    /** SBRS as admins read it: one decimal, or "none". */
    static String sbrs(Double score) {
        return score == null ? "none" : String.format(java.util.Locale.ROOT, "%.1f", score);
    }

    void policy(HostDecision d) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.info(MailEvent.of("connection.policy").with("icid", icid).with("action", d.policy().access().name())
                    .with("sendergroup", d.senderGroup()).with("match", d.matchedRule())
                    .with("policy", d.policy().name()).with("sbrs", sbrs(d.sbrs()))
                    .text("ICID " + icid + " " + d.policy().access().name() + " SG " + d.senderGroup() + " match "
                            + d.matchedRule() + " SBRS " + sbrs(d.sbrs())));
        }
    }

    void refused(String reason) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.warning(MailEvent.of("connection.refused").with("icid", icid).with("reason", reason)
                    .text("ICID " + icid + " refused: " + reason));
        }
    }

    void tls(String protocol, String cipher) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.info(MailEvent.of("connection.tls").with("icid", icid).with("protocol", protocol).with("cipher", cipher)
                    .text("ICID " + icid + " TLS success protocol " + protocol + " cipher " + cipher));
        }
    }

    void start(long mid, String from) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.info(MailEvent.of("message.start").with("mid", mid).with("icid", icid)
                    .text("Start MID " + mid + " ICID " + icid));
            log.info(MailEvent.of("message.from").with("mid", mid).with("icid", icid).with("from", from)
                    .text("MID " + mid + " ICID " + icid + " From: <" + from + ">"));
        }
    }

    void recipient(long mid, int rid, String to) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.info(MailEvent.of("message.rcpt").with("mid", mid).with("icid", icid).with("rid", rid).with("to", to)
                    .text("MID " + mid + " ICID " + icid + " RID " + rid + " To: <" + to + ">"));
        }
    }

    void recipientRejected(long mid, String to, String reply) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.info(MailEvent.of("message.rcpt.rejected").with("mid", mid).with("icid", icid).with("to", to)
                    .with("reply", reply)
                    .text((mid >= 0 ? "MID " + mid + " " : "") + "ICID " + icid + " To: <" + to + "> Rejected: " + reply));
        }
    }

    void ready(long mid, long bytes, String from) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.info(MailEvent.of("message.ready").with("mid", mid).with("icid", icid).with("size", bytes)
                    .with("from", from).text("MID " + mid + " ready " + bytes + " bytes from <" + from + ">"));
        }
    }

    void messageRejected(long mid, String reply) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.warning(MailEvent.of("message.rejected").with("mid", mid).with("icid", icid).with("reply", reply)
                    .text("MID " + mid + " ICID " + icid + " rejected: " + reply));
        }
    }

    void messageAborted(long mid, String reason) {
        MailLog log = services.mailLog();
        if (log != null) {
            log.info(MailEvent.of("message.aborted").with("mid", mid).with("icid", icid).with("reason", reason)
                    .text("MID " + mid + " ICID " + icid + " aborted: " + reason));
        }
    }

    void closed(boolean lost, String reason) {
        MailLog log = services.mailLog();
        if (log != null) {
            String text = "ICID " + icid + (lost ? " lost" : " close") + (reason == null ? "" : ": " + reason);
            log.info(MailEvent.of(lost ? "connection.lost" : "connection.close").with("icid", icid)
                    .with("reason", reason).text(text));
        }
    }

    /** SMTP AUTH: the user name only, never what the client sent as password. */
    void authentication(String user, String mechanism, boolean succeeded) {
        MailLog log = services.mailLog();
        if (log != null) {
            String shown = printable(user);
            MailEvent event = MailEvent.of(succeeded ? "connection.auth" : "connection.auth.failed").with("icid", icid)
                    .with("user", shown).with("mechanism", mechanism)
                    .text("ICID " + icid + " SMTP Auth " + (succeeded ? "succeeded" : "failed") + " for user " + shown
                            + " (" + mechanism + ")");
            if (succeeded) {
                log.info(event);
            } else {
                log.warning(event);
            }
        }
    }

    /** The certificate a client showed when the policy asked for one (TLS required-verify-client). */
    void clientCertificate(ClientCertificate certificate) {
        MailLog log = services.mailLog();
        if (log != null) {
            String text = !certificate.presented() ? "ICID " + icid + " TLS client certificate none"
                    : "ICID " + icid + " TLS client certificate subject " + certificate.subject() + " issuer "
                            + certificate.issuer() + " verified " + (certificate.verified() ? "yes" : "no ("
                            + printable(certificate.problem()) + ")");
            log.info(MailEvent.of("connection.tls.client").with("icid", icid).with("subject", certificate.subject())
                    .with("issuer", certificate.issuer()).with("verified", certificate.verified()).text(text));
        }
    }

    /** What a client chose to send, safe for one log line. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 256));
        for (int i = 0; i < text.length() && i < 256; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
