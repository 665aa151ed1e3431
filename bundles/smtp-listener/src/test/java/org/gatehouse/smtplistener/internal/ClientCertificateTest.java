package org.gatehouse.smtplistener.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.KeyManager;

import org.gatehouse.api.SmtpAuth;
import org.gatehouse.api.TlsLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS required-verify-client over real sockets, with a test CA. */
class ClientCertificateTest extends ServerTestSupport {

    @TempDir
    static Path caDirectory;

    static TestCertificates.Issued ca;
    static TestCertificates.Issued otherCa;
    static Path caFile;

    @BeforeAll
    static void authorities() throws Exception {
        ca = TestCertificates.authority("CN=Gatehouse Test CA,O=Test");
        otherCa = TestCertificates.authority("CN=Somebody Else CA");
        caFile = caDirectory.resolve("client-ca.pem");
        ca.writePem(caFile);
    }

    private SmtpServer server(Object... more) throws Exception {
        services.hostAccess = new TestPolicyAccess(TlsLevel.REQUIRED_VERIFY_CLIENT, SmtpAuth.OFF);
        Object[] all = new Object[more.length + 2];
        all[0] = "tls.client.ca";
        all[1] = caFile.toString();
        System.arraycopy(more, 0, all, 2, more.length);
        return start(all);
    }

    /** STARTTLS showing the given certificate (none when null), then EHLO again and MAIL: its reply. */
    private String mailAfterTls(SmtpServer server, KeyManager[] keys) throws Exception {
        SmtpClient c = greeted(server);
        assertEquals("220 2.0.0 Ready to start TLS", c.command("STARTTLS"));
        c.startTls(keys);
        assertTrue(c.command("EHLO client.test").startsWith("250"));
        return c.command("MAIL FROM:<app@example.com>");
    }

    @Test
    void beforeTlsOnlyTheTlsCommandsAreTaken() throws Exception {
        SmtpServer server = server();
        SmtpClient c = greeted(server);
        assertEquals("530 5.7.0 Must issue a STARTTLS command first", c.command("MAIL FROM:<app@example.com>"));
        assertEquals("530 5.7.0 Must issue a STARTTLS command first", c.command("VRFY postmaster"));
        assertEquals("250 2.0.0 Ok", c.command("NOOP"));
        assertEquals("250 2.0.0 Ok", c.command("RSET"));
        assertTrue(c.command("HELO client.test").startsWith("250"));
        assertTrue(c.command("EHLO client.test").contains("STARTTLS"));
    }

    @Test
    void aCertificateSignedByTheListedCaIsAccepted() throws Exception {
        SmtpServer server = server();
        TestCertificates.Issued alice = TestCertificates.client("CN=alice.apps.example.com,O=Test", ca);
        assertEquals("250 2.1.0 Sender ok", mailAfterTls(server, alice.keyManagers()), services.log::toString);
        await().atMost(Duration.ofSeconds(5)).until(() -> services.log.stream().anyMatch(l -> l.startsWith(
                "ICID 1 TLS client certificate subject O=Test,CN=alice.apps.example.com issuer O=Test,CN=Gatehouse Test CA verified yes")));
    }

    @Test
    void selfSignedAndForeignCertificatesAreRefusedAfterTheHandshake() throws Exception {
        SmtpServer server = server();
        TestCertificates.Issued self = TestCertificates.client("CN=mallory", null);
        assertEquals("530 5.7.0 Client certificate required", mailAfterTls(server, self.keyManagers()));
        TestCertificates.Issued foreign = TestCertificates.client("CN=eve", otherCa);
        assertEquals("530 5.7.0 Client certificate required", mailAfterTls(server, foreign.keyManagers()));
        await().atMost(Duration.ofSeconds(5)).until(() -> services.log.stream().anyMatch(l -> l.startsWith(
                "ICID 1 TLS client certificate subject CN=mallory issuer CN=mallory verified no (")));
    }

    @Test
    void noCertificateIsRefused() throws Exception {
        SmtpServer server = server();
        assertEquals("530 5.7.0 Client certificate required", mailAfterTls(server, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> services.log.contains("ICID 1 TLS client certificate none"));
    }

    @Test
    void withoutACaListNoCertificateVerifies() throws Exception {
        services.hostAccess = new TestPolicyAccess(TlsLevel.REQUIRED_VERIFY_CLIENT, SmtpAuth.OFF);
        SmtpServer server = start();
        TestCertificates.Issued alice = TestCertificates.client("CN=alice", ca);
        assertEquals("530 5.7.0 Client certificate required", mailAfterTls(server, alice.keyManagers()));
    }

    @Test
    void aPlainTlsPolicyAsksForNoCertificate() throws Exception {
        services.hostAccess = new TestPolicyAccess(TlsLevel.REQUIRED, SmtpAuth.OFF);
        SmtpServer server = start("tls.client.ca", caFile.toString());
        assertEquals("250 2.1.0 Sender ok", mailAfterTls(server, null));
        assertTrue(services.log.stream().noneMatch(l -> l.contains("client certificate")));
    }
}
