package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.ReceivedMail;
import org.gatehouse.itests.support.SmtpClient;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.junit.Before;
import org.junit.Test;

/**
 * Mail flow policies that ask who the client is: SMTP AUTH (a mail client submitting through
 * the gateway) and TLS with a client certificate (a partner's server), set up from the console
 * as an admin would, observed over real SMTP from their own loopback addresses.
 */
public class SmtpAuthIT extends MailTestSupport {

    private static final String USER = "alice";
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    private Console console;

    @Before
    public void connectToTheConsole() throws Exception {
        console = Console.onPort(port(TestPorts.SSH));
        within(60).ignoreExceptions().until(() -> console.run("gatehouse:hat-list public").output().contains("UNKNOWNLIST"));
    }

    private String admin(String command) throws IOException, InterruptedException {
        Console.Result result = console.run(command);
        assertEquals(command + ": " + result.output(), 0, result.exitCode());
        assertFalse(command + ": " + result.output(), result.output().contains("Error"));
        return result.output();
    }

    private void awaitGroup(String ip, String group) {
        within(30).ignoreExceptions().until(() -> console.run("gatehouse:hat-test --listener public " + ip)
                .output().matches("(?s).*Sender group:\\s+" + group + "\\b.*"));
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A mail client submits through the public listener: it must authenticate, and then it may relay. */
    @Test
    public void aMailClientAuthenticatesOverTlsAndRelays() throws Exception {
        admin("gatehouse:smtp-user-add " + USER + " " + PASSWORD);
        assertTrue(admin("gatehouse:smtp-user-list").contains(USER));
        admin("gatehouse:policy-add public SUBMISSION ACCEPT");
        admin("gatehouse:policy-set public SUBMISSION smtp.auth REQUIRED");
        admin("gatehouse:hat-group-add --comment Submission public SUBMITTERS SUBMISSION");
        admin("gatehouse:hat-group-move --top public SUBMITTERS");
        admin("gatehouse:hat-entry-add public SUBMITTERS 127.0.0.21");
        awaitGroup("127.0.0.21", "SUBMITTERS");

        String recipient = "someone@" + PARTNER_DOMAIN;
        String marker = TestMessage.marker();
        try (SmtpClient client = SmtpClient.connectFrom("127.0.0.21", publicPort())) {
            SmtpClient.expect(client.readReply(), 220);
            SmtpReply clear = SmtpClient.expect(client.command("EHLO laptop.example.com"), 250);
            assertFalse("no AUTH in clear text: " + clear, clear.toString().contains("AUTH"));
            SmtpReply refused = client.command("MAIL FROM:<" + USER + "@example.com>");
            assertEquals(refused.toString(), 530, refused.code());
            assertTrue(refused.toString(), refused.text().contains("5.7.0 Authentication required"));

            SmtpClient.expect(client.command("STARTTLS"), 220);
            client.upgradeToTls();
            SmtpReply ehlo = SmtpClient.expect(client.command("EHLO laptop.example.com"), 250);
            assertTrue(ehlo.toString(), ehlo.lines().contains("AUTH PLAIN LOGIN"));
            SmtpReply wrong = client.command("AUTH PLAIN " + plain(USER, "guess"));
            assertEquals(wrong.toString(), 535, wrong.code());
            assertTrue(wrong.toString(), wrong.text().contains("5.7.8"));
            SmtpClient.expect(client.command("AUTH PLAIN " + plain(USER, PASSWORD)), 235);
            SmtpClient.expect(client.command("MAIL FROM:<" + USER + "@example.com>"), 250);
            // Not a domain of ours: only the authenticated client may relay there.
            SmtpClient.expect(client.command("RCPT TO:<" + recipient + ">"), 250);
            SmtpClient.expect(client.command("DATA"), 354);
            SmtpClient.expect(client.data(TestMessage.simple(USER + "@example.com", recipient, marker)), 250);
        }
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
        ReceivedMail delivered = sink.receivedWith(marker).get(0);
        assertTrue(delivered.content(), delivered.content().contains("with ESMTPSA"));
        within(10).until(() -> mailLog().contains("SMTP Auth succeeded for user " + USER + " (PLAIN)"));
        String log = mailLog();
        assertTrue(log.contains("SMTP Auth failed for user " + USER + " (PLAIN)"));
        assertFalse("passwords never reach the mail log", log.contains(PASSWORD) || log.contains("guess"));
    }

    /** A partner's server must show a certificate from the CA the listener trusts (tls.client.ca). */
    @Test
    public void aPartnerMustShowACertificateFromTheTrustedCa() throws Exception {
        admin("gatehouse:policy-add public CERTIFIED ACCEPT");
        admin("gatehouse:policy-set public CERTIFIED tls REQUIRED_VERIFY_CLIENT");
        admin("gatehouse:hat-group-add --comment Certified public CERTIFIED_SENDERS CERTIFIED");
        admin("gatehouse:hat-group-move --top public CERTIFIED_SENDERS");
        admin("gatehouse:hat-entry-add public CERTIFIED_SENDERS 127.0.0.22");
        awaitGroup("127.0.0.22", "CERTIFIED_SENDERS");

        try (SmtpClient stranger = SmtpClient.connectFrom("127.0.0.22", publicPort())) {
            SmtpClient.expect(stranger.readReply(), 220);
            SmtpClient.expect(stranger.command("EHLO stranger.example.org"), 250);
            assertEquals(530, stranger.command("MAIL FROM:<a@example.org>").code());
            SmtpClient.expect(stranger.command("STARTTLS"), 220);
            stranger.upgradeToTls(keys("/tls/stranger.p12"));
            SmtpClient.expect(stranger.command("EHLO stranger.example.org"), 250);
            SmtpReply refused = stranger.command("MAIL FROM:<a@example.org>");
            assertEquals(refused.toString(), 530, refused.code());
            assertTrue(refused.toString(), refused.text().contains("Client certificate required"));
        }

        String marker = TestMessage.marker();
        try (SmtpClient partner = SmtpClient.connectFrom("127.0.0.22", publicPort())) {
            SmtpClient.expect(partner.readReply(), 220);
            SmtpClient.expect(partner.command("EHLO mx.partner.test"), 250);
            SmtpClient.expect(partner.command("STARTTLS"), 220);
            partner.upgradeToTls(keys("/tls/app.p12"));
            SmtpClient.expect(partner.command("EHLO mx.partner.test"), 250);
            SmtpClient.expect(partner.command("MAIL FROM:<app@" + PARTNER_DOMAIN + ">"), 250);
            SmtpClient.expect(partner.command("RCPT TO:<bob@example.com>"), 250);
            SmtpClient.expect(partner.command("DATA"), 354);
            SmtpClient.expect(partner.data(TestMessage.simple("app@" + PARTNER_DOMAIN, "bob@example.com", marker)), 250);
        }
        within(30).until(() -> !sink.receivedWith(marker).isEmpty());
        within(10).until(() -> mailLog().contains("TLS client certificate subject CN=app.example.com,O=Gatehouse Tests"
                + " issuer CN=Gatehouse Test Client CA,O=Gatehouse Tests verified yes"));
    }

    /** The client key and certificate of a test PKCS#12 file (password "test"). */
    private static KeyManager[] keys(String resource) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = SmtpAuthIT.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " missing from the test classes");
            }
            store.load(in, "test".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, "test".toCharArray());
        return factory.getKeyManagers();
    }
}
