package org.gatehouse.smtplistener.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.gatehouse.api.SmtpAuth;
import org.gatehouse.api.TlsLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP AUTH (RFC 4954) over real sockets: offering, PLAIN and LOGIN, every refusal, and what it grants. */
class SmtpAuthTest extends ServerTestSupport {

    private static final String PASSWORD = "s3cret pass\u00e9";

    @TempDir
    Path usersDirectory;

    @BeforeEach
    void users() throws Exception {
        SmtpUserFile users = new SmtpUserFile(usersDirectory.resolve("smtp-users"), 1000);
        users.put("alice", PASSWORD.toCharArray());
        services.smtpUsers = users;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String plain(String user, String password) {
        return b64("\0" + user + "\0" + password);
    }

    /** Connected, STARTTLS done and EHLO said again; returns the EHLO reply over TLS. */
    private String overTls(SmtpClient c) throws Exception {
        assertEquals("220 2.0.0 Ready to start TLS", c.command("STARTTLS"));
        c.startTls();
        return c.command("EHLO client.test");
    }

    private SmtpServer server(SmtpAuth auth, Object... keyValues) throws Exception {
        services.hostAccess = new TestPolicyAccess(TlsLevel.PREFERRED, auth);
        Object[] all = new Object[keyValues.length + 2];
        all[0] = "auth.failure.delay.millis";
        all[1] = 20;
        System.arraycopy(keyValues, 0, all, 2, keyValues.length);
        return start(all);
    }

    @Test
    void plainWithAnInitialResponseAuthenticatesRelaysAndIsRecorded() throws Exception {
        SmtpServer server = server(SmtpAuth.PREFERRED);
        SmtpClient c = greeted(server);
        String ehlo = overTls(c);
        assertTrue(ehlo.contains("250-AUTH PLAIN LOGIN") || ehlo.endsWith("250 AUTH PLAIN LOGIN"), ehlo);
        assertEquals("235 2.7.0 Authentication successful", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        assertEquals("503 5.5.1 Already authenticated", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        assertEquals("250 2.1.0 Sender ok", c.command("MAIL FROM:<alice@example.com> AUTH=<>"));
        // Not one of our domains: an authenticated client relays (an MSA's job).
        assertEquals("250 2.1.5 Recipient ok", c.command("RCPT TO:<friend@elsewhere.org>"));
        assertTrue(c.command("DATA").startsWith("354"));
        String queued = c.command("Subject: hi\r\n\r\nhello\r\n.");
        long mid = Long.parseLong(queued.substring(queued.lastIndexOf(' ') + 1));
        TestSpool.Stored stored = spool.committed.get(mid);
        assertEquals("alice", stored.connection().authenticatedUser());
        assertTrue(stored.text().contains("with ESMTPSA ("), stored.text());
        await().atMost(Duration.ofSeconds(5)).until(() -> services.log.contains("ICID 1 SMTP Auth succeeded for user alice (PLAIN)"));
        assertTrue(services.log.stream().noneMatch(l -> l.contains(PASSWORD)), services.log.toString());
    }

    @Test
    void plainWithoutAnInitialResponseAndLoginBothWork() throws Exception {
        SmtpServer server = server(SmtpAuth.PREFERRED);
        SmtpClient c = greeted(server);
        overTls(c);
        assertEquals("334", c.command("AUTH PLAIN").trim());
        assertEquals("235 2.7.0 Authentication successful", c.command(plain("alice", PASSWORD)));

        SmtpClient l = greeted(server);
        overTls(l);
        assertEquals("334 VXNlcm5hbWU6", l.command("AUTH LOGIN"));
        assertEquals("334 UGFzc3dvcmQ6", l.command(b64("alice")));
        assertEquals("235 2.7.0 Authentication successful", l.command(b64(PASSWORD)));
        await().atMost(Duration.ofSeconds(5)).until(() -> services.log.contains("ICID 2 SMTP Auth succeeded for user alice (LOGIN)"));

        SmtpClient li = greeted(server);
        overTls(li);
        assertEquals("334 UGFzc3dvcmQ6", li.command("AUTH login " + b64("alice")));
        assertEquals("235 2.7.0 Authentication successful", li.command(b64(PASSWORD)));
    }

    @Test
    void malformedExchangesGet501And504() throws Exception {
        SmtpServer server = server(SmtpAuth.PREFERRED);
        SmtpClient c = greeted(server);
        overTls(c);
        assertEquals("334 VXNlcm5hbWU6", c.command("AUTH LOGIN"));
        assertEquals("501 5.7.0 Authentication cancelled", c.command("*"));
        assertEquals("501 5.5.2 Cannot decode response", c.command("AUTH PLAIN not*base64!"));
        assertEquals("334", c.command("AUTH PLAIN").trim());
        assertEquals("501 5.5.2 Cannot decode response", c.command("%%%"));
        assertEquals("501 5.5.2 Invalid authentication response", c.command("AUTH PLAIN " + b64("no nul at all")));
        assertEquals("504 5.5.4 Unrecognized authentication type", c.command("AUTH CRAM-MD5"));
        assertEquals("501 5.5.4 Syntax: AUTH mechanism [initial-response]", c.command("AUTH"));
        assertEquals("334", c.command("AUTH PLAIN").trim());
        assertEquals("500 5.5.2 Line too long", c.command("A".repeat(1200)));
        assertEquals("250 2.0.0 Ok", c.command("NOOP"), "the exchange ended with the over-long line");
        // None of that authenticated anyone, and the session goes on.
        assertEquals("250 2.0.0 Ok", c.command("NOOP"));
    }

    @Test
    void wrongPasswordsAreSlowCountedAndEndTheSessionAtTheThird() throws Exception {
        SmtpServer server = server(SmtpAuth.PREFERRED, "auth.failure.delay.millis", 300);
        SmtpClient c = greeted(server);
        overTls(c);
        long start = System.nanoTime();
        assertEquals("535 5.7.8 Authentication credentials invalid", c.command("AUTH PLAIN " + plain("alice", "guess")));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "the failure is answered late");
        assertEquals("535 5.7.8 Authentication credentials invalid", c.command("AUTH PLAIN " + plain("mallory", PASSWORD)));
        // Someone else's identity with alice's password fails like a wrong password.
        assertTrue(c.command("AUTH PLAIN " + b64("bob\0alice\0" + PASSWORD)).startsWith("421 4.7.0 mx.test Error: too many failed authentications"));
        assertTrue(c.closedByServer());
        await().atMost(Duration.ofSeconds(5)).until(() -> services.log.contains("ICID 1 SMTP Auth failed for user mallory (PLAIN)"));
        assertTrue(services.log.contains("ICID 1 SMTP Auth failed for user alice (PLAIN)"), services.log.toString());
        assertTrue(services.log.contains("ICID 1 close: too many failed authentications"), services.log.toString());
        assertTrue(services.log.stream().noneMatch(l -> l.contains("guess") || l.contains(PASSWORD)));
    }

    @Test
    void authIsRefusedInsideATransactionAndWithoutEhlo() throws Exception {
        SmtpServer server = server(SmtpAuth.PREFERRED);
        SmtpClient c = connect(server);
        c.reply();
        assertEquals("503 5.5.1 Send EHLO/HELO first", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        c.command("EHLO client.test");
        overTls(c);
        assertEquals("250 2.1.0 Sender ok", c.command("MAIL FROM:<a@example.org>"));
        assertEquals("503 5.5.1 AUTH not allowed during a mail transaction", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        assertEquals("250 2.0.0 Ok", c.command("RSET"));
        assertEquals("235 2.7.0 Authentication successful", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
    }

    @Test
    void requiredAuthRefusesMailUntilTheClientAuthenticates() throws Exception {
        SmtpServer server = server(SmtpAuth.REQUIRED);
        SmtpClient c = greeted(server);
        overTls(c);
        assertEquals("530 5.7.0 Authentication required", c.command("MAIL FROM:<alice@example.com>"));
        assertEquals("235 2.7.0 Authentication successful", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        assertEquals("250 2.1.0 Sender ok", c.command("MAIL FROM:<alice@example.com>"));
    }

    @Test
    void clearTextGetsNoAuthUnlessTheListenerAllowsIt() throws Exception {
        SmtpServer server = server(SmtpAuth.REQUIRED);
        SmtpClient c = connect(server);
        c.reply();
        assertFalse(c.command("EHLO client.test").contains("AUTH"));
        assertEquals("538 5.7.11 Encryption required for requested authentication mechanism",
                c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        assertEquals("530 5.7.0 Authentication required", c.command("MAIL FROM:<alice@example.com>"));

        SmtpServer open = start("auth.allow.cleartext", true, "auth.failure.delay.millis", 20);
        SmtpClient p = connect(open);
        p.reply();
        assertTrue(p.command("EHLO client.test").contains("AUTH PLAIN LOGIN"));
        assertEquals("235 2.7.0 Authentication successful", p.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        assertEquals("250 2.1.0 Sender ok", p.command("MAIL FROM:<alice@example.com>"));
        assertEquals("250 2.1.5 Recipient ok", p.command("RCPT TO:<x@example.com>"));
        assertTrue(p.command("DATA").startsWith("354"));
        String queued = p.command("hello\r\n.");
        long mid = Long.parseLong(queued.substring(queued.lastIndexOf(' ') + 1));
        assertTrue(spool.committed.get(mid).text().contains("with ESMTPA id"), "clear text: ESMTPA, no S");
    }

    @Test
    void aPolicyWithoutAuthNeitherOffersNorTakesIt() throws Exception {
        SmtpServer server = server(SmtpAuth.OFF);
        SmtpClient c = greeted(server);
        assertFalse(overTls(c).contains("AUTH"));
        assertEquals("503 5.5.1 Authentication not enabled", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        c.command("MAIL FROM:<a@example.org>");
        assertEquals("550 5.7.1 Recipient address rejected: relay not permitted", c.command("RCPT TO:<x@elsewhere.org>"));
    }

    @Test
    void withoutTheUsersStoreAuthFailsTemporarily() throws Exception {
        SmtpServer server = server(SmtpAuth.PREFERRED);
        services.smtpUsers = null;
        SmtpClient c = greeted(server);
        overTls(c);
        assertEquals("454 4.7.0 Temporary authentication failure", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
    }

    @Test
    void startTlsForgetsAnIdentityProvedInClearText() throws Exception {
        SmtpServer server = server(SmtpAuth.REQUIRED, "auth.allow.cleartext", true);
        SmtpClient c = greeted(server);
        assertEquals("235 2.7.0 Authentication successful", c.command("AUTH PLAIN " + plain("alice", PASSWORD)));
        overTls(c);
        assertEquals("530 5.7.0 Authentication required", c.command("MAIL FROM:<alice@example.com>"));
        assertNull(spool.committed.get(101L));
    }
}
