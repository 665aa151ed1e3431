package org.gatehouse.itests.support;


/**
 * Messages for the anti-spam tests, written the way they arrive in real life: a pharmacy and
 * casino pitch (HTML only, shouting, urgency, a link to a bare IP address), a plain business
 * mail between colleagues, and one carrying SpamAssassin's GTUBE test string. Each carries a
 * marker in its Subject, to find it at the sink.
 */
public final class SpamSamples {

    /** Split in two so that no source file of ours is itself GTUBE spam. */
    private static final String GTUBE_HEAD = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-";
    private static final String GTUBE_TAIL = "ANTI-UBE-TEST-EMAIL*C.34X";

    private SpamSamples() {
    }

    /** The Subject the business (ham) message goes out with; it must arrive unchanged. */
    public static String hamSubject(String marker) {
        return "Minutes of the budget meeting " + marker;
    }

    /**
     * A colleague's plain text answer in a thread about a meeting: what anti-spam must never
     * flag. {@code urgent} marks it X-Priority 1, as some mail clients let users do.
     */
    public static String ham(String from, String to, String marker, boolean urgent) {
        return "From: Alice Martin <" + from + ">\r\n"
                + "To: Bob Durand <" + to + ">\r\n"
                + "Subject: " + hamSubject(marker) + "\r\n"
                + "Message-ID: <" + marker + "@mail.sender.test>\r\n"
                + "In-Reply-To: <20261120093000.4412@mail.example.com>\r\n"
                + "References: <20261120093000.4412@mail.example.com>\r\n"
                + "Date: " + TestMessage.date() + "\r\n"
                + (urgent ? "X-Priority: 1\r\n" : "")
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "User-Agent: Mozilla Thunderbird\r\n"
                + "\r\n"
                + "Hi Bob,\r\n"
                + "\r\n"
                + "here are my notes from this morning's budget meeting. We agreed to keep the\r\n"
                + "second quarter figures as they are and to review the travel costs with\r\n"
                + "Claire next Tuesday. Could you send me the updated spreadsheet before then,\r\n"
                + "so I can check the totals against the invoices from the supplier?\r\n"
                + "\r\n"
                + "I also moved our weekly call to Thursday at 10:30, the room was taken.\r\n"
                + "\r\n"
                + "Thanks,\r\n"
                + "Alice\r\n"
                + "\r\n"
                + "ref " + marker + "\r\n";
    }

    /** A pills and casino pitch: HTML only, urgency, a link to a numeric host. */
    public static String spam(String from, String to, String marker) {
        return "From: \"Online Pharmacy\" <" + from + ">\r\n"
                + "To: undisclosed-recipients:;\r\n"
                + "Subject: =?UTF-8?B?VklBR1JBIDgwJSBPRkYh?= Cheap Viagra Cialis - CASINO BONUS $500 FREE!!! " + marker + "\r\n"
                + "Message-ID: <" + marker + "@bulk.sender.test>\r\n"
                + "Date: " + TestMessage.date() + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=\"iso-8859-1\"\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "X-Priority: 1\r\n"
                + "\r\n"
                + "<html><body bgcolor=\"#ffffff\">\r\n"
                + "<center><font size=\"6\" color=\"#ff0000\"><b>ACT NOW!!! LIMITED TIME OFFER!!!</b></font></center>\r\n"
                + "<p><font size=\"4\">Buy <b>VIAGRA</b>, <b>CIALIS</b>, <b>LEVITRA</b> and <b>XANAX</b> online\r\n"
                + "without prescription! Lowest prices guaranteed, 100% satisfaction, discreet shipping\r\n"
                + "worldwide. No doctor visit needed. Order today and save up to 80%!</font></p>\r\n"
                + "<p><a href=\"http://203.0.113.66/pharmacy/order.php?id=8812\">CLICK HERE TO ORDER NOW</a></p>\r\n"
                + "<p><font color=\"#008000\" size=\"5\"><b>CASINO BONUS: $500 FREE CREDIT!</b></font><br>\r\n"
                + "Play slots, blackjack and roulette at our online casino. Win real money!\r\n"
                + "Claim your free bonus now, this offer expires in 24 hours!!!\r\n"
                + "<a href=\"http://203.0.113.67/casino/bonus.php?ref=8812\">CLAIM YOUR $500 BONUS</a></p>\r\n"
                + "<p>Dear friend, you have been selected as a winner. Act now, do not delete this message.\r\n"
                + "100% GUARANTEED. Risk free! Cheap meds, weight loss, enlarge, replica watches.</p>\r\n"
                + "<p><font size=\"1\" color=\"#ffffff\">To unsubscribe click <a href=\"http://203.0.113.68/remove.php\">here</a>.\r\n"
                + marker + "</font></p>\r\n"
                + "</body></html>\r\n";
    }

    /** Any message carrying the GTUBE string: spamd calls it spam with its GTUBE rule. */
    public static String gtube(String from, String to, String marker) {
        return TestMessage.header(from, to, marker)
                + "\r\n"
                + "This is the GTUBE, the Generic Test for Unsolicited Bulk Email.\r\n"
                + "\r\n"
                + GTUBE_HEAD + GTUBE_TAIL + "\r\n"
                + "\r\n"
                + "marker " + marker + "\r\n";
    }
}
