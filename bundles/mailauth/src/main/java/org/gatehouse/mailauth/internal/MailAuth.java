package org.gatehouse.mailauth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * Mail authentication as a service of this bundle (not exported): the work queue stage and the
 * console commands use it.
 */
public interface MailAuth {

    /** Which checks run (and are reported) for one message. */
    record Switches(boolean spf, boolean dkim, boolean dmarc) {
        boolean any() {
            return spf || dkim || dmarc;
        }
    }

    /** Where the content comes from: opened once, only when DKIM or DMARC needs it. */
    interface Content {
        InputStream open() throws IOException;
    }

    /**
     * Every result for one message. SPF and DKIM are computed for DMARC even when their own
     * switch is off; {@code reported} says which to show.
     *
     * @param spf   null when neither SPF nor DMARC ran
     * @param dkim  empty when the message has no signature or DKIM did not run
     * @param dmarc null when DMARC did not run
     */
    record Authentication(Switches reported, SpfVerdict spf, List<DkimVerdict> dkim, DmarcVerdict dmarc) {
    }

    /** Status for the console. */
    record Status(MailAuthSettings settings, String dnsServer, String publicSuffixListVersion, int publicSuffixRules,
                  Map<String, Long> counts) {
    }

    /** Parses an IP literal without asking DNS (IPv4-mapped IPv6 becomes IPv4). */
    static InetAddress address(String text) {
        return IpAddresses.parse(text);
    }

    SpfVerdict checkSpf(InetAddress ip, String mailFrom, String helo);

    /** Verifies every DKIM signature of a whole message (header and body). */
    List<DkimVerdict> verifyDkim(InputStream content) throws IOException;

    Authentication authenticate(Content content, InetAddress ip, String mailFrom, String helo, Switches switches) throws IOException;

    /** The Authentication-Results field value for these results. */
    String authenticationResults(Authentication authentication);

    MailAuthSettings settings();

    Status status();
}
