package org.gatehouse.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.itests.support.SmtpClient;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.SmtpSink;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.junit.After;
import org.junit.Before;

/**
 * Tests that send mail through Gatehouse: the test SMTP sink (the "internal mail server" the
 * example.com and partner.test routes point at) runs for the duration of each test.
 */
public abstract class MailTestSupport extends GatehouseTestSupport {

    private static final Pattern QUEUED_AS = Pattern.compile("queued as (\\d+)");

    protected SmtpSink sink;

    /** Set once both listeners answered in this container (the probe lives as long as it does). */
    private static volatile boolean listenersUp;

    @Before
    public void startSink() throws IOException {
        sink = SmtpSink.start(port(TestPorts.SINK));
    }

    /** A test may run before the listeners have bound their ports (first test after the boot). */
    @Before
    public void awaitListeners() {
        if (!listenersUp) {
            within(90).ignoreExceptions().until(() -> greets(publicPort()) && greets(privatePort()));
            listenersUp = true;
        }
    }

    private static boolean greets(int port) throws IOException {
        try (SmtpClient client = SmtpClient.connect(port)) {
            boolean ready = client.readReply().code() == 220;
            client.command("QUIT");
            return ready;
        }
    }

    @After
    public void stopSink() throws IOException {
        if (sink != null) {
            sink.close();
        }
    }

    protected static int publicPort() {
        return port(TestPorts.PUBLIC_LISTENER);
    }

    protected static int privatePort() {
        return port(TestPorts.PRIVATE_LISTENER);
    }

    /** Sends one small message carrying {@code marker}; returns the reply to the final dot. */
    protected static SmtpReply sendMail(int port, String from, String to, String marker) throws IOException {
        try (SmtpClient client = SmtpClient.connect(port)) {
            SmtpReply reply = client.sendMail(from, List.of(to), TestMessage.simple(from, to, marker));
            client.command("QUIT");
            return reply;
        }
    }

    /** Sends a message with the EICAR test file attached; returns the reply to the final dot. */
    protected static SmtpReply sendEicar(int port, String from, String to, String marker) throws IOException {
        try (SmtpClient client = SmtpClient.connect(port)) {
            SmtpReply reply = client.sendMail(from, List.of(to), TestMessage.withEicarAttachment(from, to, marker));
            client.command("QUIT");
            return reply;
        }
    }

    /** The MID in "250 2.0.0 Ok: queued as 12". */
    protected static long queuedMid(SmtpReply reply) {
        Matcher matcher = QUEUED_AS.matcher(reply.text());
        if (!matcher.find()) {
            throw new AssertionError("no MID in " + reply);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The text mail log of the container (data/log/mail.log), or "" before its first line. */
    protected static String mailLog() throws IOException {
        Path log = Paths.get(System.getProperty("karaf.data"), "log", "mail.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
