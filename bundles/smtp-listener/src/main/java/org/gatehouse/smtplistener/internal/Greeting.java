package org.gatehouse.smtplistener.internal;

import java.util.regex.Pattern;

import org.gatehouse.api.MailFlowPolicy;

/** The first words a client hears: the policy's banner, or its reject banner. */
final class Greeting {

    /** A reject text that already starts with an enhanced status code (RFC 3463). */
    private static final Pattern ENHANCED_CODE = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}( .*)?");

    private Greeting() {
    }

    static String banner(MailFlowPolicy policy, String hostname, String remoteIp) {
        String text = policy.banner();
        if (text == null || text.isBlank()) {
            return "220 " + hostname + " ESMTP Gatehouse";
        }
        return "220 " + text.replace("$RemoteIP", remoteIp).replace("$Hostname", hostname);
    }

    /** The policy's reject code and text, with an enhanced code added when the text has none. */
    static String reject(MailFlowPolicy policy, String hostname, String remoteIp) {
        int code = policy.rejectCode() >= 400 && policy.rejectCode() < 600 ? policy.rejectCode() : 554;
        String text = policy.rejectBanner() == null || policy.rejectBanner().isBlank()
                ? BuiltInHostAccess.REJECT_TEXT : policy.rejectBanner();
        text = text.replace("$RemoteIP", remoteIp).replace("$Hostname", hostname);
        if (!ENHANCED_CODE.matcher(text).matches()) {
            text = (code < 500 ? "4.7.1 " : "5.7.1 ") + text;
        }
        return code + " " + text;
    }
}
