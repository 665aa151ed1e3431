package org.gatehouse.antispam.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test messages under src/test/resources/mail, and small messages built in code. */
final class Fixtures {

    private Fixtures() {
    }

    static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/mail/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }

    static ParsedMail parse(String name) {
        try (InputStream in = open(name)) {
            return new MailParser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedMail parseText(String message) throws IOException {
        return new MailParser().parse(stream(message));
    }

    static InputStream stream(String message) {
        return new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));
    }

    /** A short ham message about {@code topic}, different per {@code n}. */
    static String ham(int n, String topic) {
        return "From: Colleague " + n + " <colleague" + n + "@example.org>\n"
                + "To: team@example.com\nSubject: Re: " + topic + " notes " + n + "\n"
                + "Date: Mon, 3 Mar 2025 09:00:00 +0100\nMessage-ID: <h" + n + "@example.org>\n"
                + "In-Reply-To: <p" + n + "@example.com>\n\n"
                + "Hello team, the " + topic + " review for module " + n + " is done; the build passed"
                + " and the release notes are in the repository. Regards.\n";
    }

    /** A short spam message, different per {@code n}. */
    static String spam(int n) {
        return "From: Deals " + n + " <deals" + n + "@offers.example>\n"
                + "To: undisclosed-recipients:;\nSubject: Cheap pills and cash offer " + n + "\n"
                + "Date: Mon, 3 Mar 2025 09:00:00 +0100\nMessage-ID: <s" + n + "@offers.example>\n"
                + "Content-Type: text/html\n\n"
                + "<html><body><b>Cheap pharmacy</b> prices, earn cash fast, viagra discount number " + n
                + " <a href=\"http://offers.example/buy?id=" + n + "\">buy now</a></body></html>\n";
    }
}
