package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.SmtpClient;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.TestFeatureKeys;
import org.gatehouse.itests.support.TestPorts;
import org.osgi.framework.InvalidSyntaxException;

/**
 * What the tests of a pipeline stage (anti-spam, anti-virus, licensing of stages) read back from
 * a running Gatehouse: the console, queue rows, the pipeline, installed features and the mail
 * log lines of one message. Subclasses open {@link #console} before their tests.
 */
public abstract class StageTestSupport extends MailTestSupport {

    /** The feature key the anti-virus itests install; it stays for the classes after them. */
    protected static final String ANTIVIRUS_KEY_ID = "itest-antivirus-2";

    protected Console console;

    /** The mail log lines about one message. */
    protected static String mailLogOf(long mid) throws IOException {
        return String.join("\n", mailLog().lines().filter(l -> l.contains("MID " + mid + " ")).toList());
    }

    /** The message's gatehouse:queue-list row ("" when it is not listed); State is the last column. */
    protected String queueRow(long mid) throws Exception {
        return console.run("gatehouse:queue-list").output().lines().map(String::trim)
                .filter(l -> l.startsWith(mid + " ")).findFirst().orElse("");
    }

    protected String queueShow(long mid) throws Exception {
        return console.run("gatehouse:queue-show " + mid).output();
    }

    protected String installedFeatures() throws Exception {
        return console.run("feature:list -i --no-format").output().replace('\t', ' ');
    }

    /** The gatehouse:pipeline row of a stage, or "" when it is not listed. */
    protected String stageRow(String stage) throws Exception {
        return console.run("gatehouse:pipeline").output().lines()
                .filter(l -> l.trim().startsWith(stage + " ")).findFirst().orElse("");
    }

    /** Whether a stage service is registered with these properties (an LDAP filter fragment). */
    protected boolean stageRegisteredWith(String stage, String properties) throws InvalidSyntaxException {
        return bundleContext.getAllServiceReferences(null, "(&(gatehouse.stage=" + stage + ")" + properties + ")") != null;
    }

    /**
     * Installs the anti-virus key the anti-virus itests share (licensed until 2099) unless it is
     * there, and waits until the stage runs with its etc/ file: the feature's file reaches Config
     * Admin a moment after the feature starts, and the stage is activated again with it (a message
     * already in the pipeline would otherwise meet the instance being replaced). Only a configured
     * stage has a PID.
     */
    protected void licenseAntivirus() throws Exception {
        console = Console.onPort(port(TestPorts.SSH));
        within(60).until(() -> console.run("gatehouse:featurekey-list").output().contains("Installation ID:"));
        if (!console.run("gatehouse:featurekey-list").output().contains(ANTIVIRUS_KEY_ID)) {
            Path key = TestFeatureKeys.mintNow(ANTIVIRUS_KEY_ID, "antivirus=2099-01-01");
            Console.Result installed = console.run("gatehouse:featurekey-install " + key);
            assertEquals(installed.output(), 0, installed.exitCode());
        }
        within(60).until(() -> installedFeatures().contains("gatehouse-antivirus "));
        within(30).until(() -> stageRegisteredWith("antivirus", "(service.pid=org.gatehouse.antivirus)(engine=embedded)"));
        within(30).until(() -> stageRow("antivirus").matches(".*\\byes\\b.*\\bactive\\b.*"));
    }

    protected static SmtpReply accepted(SmtpReply reply) {
        assertEquals(reply.toString(), 250, reply.code());
        return reply;
    }

    /** One message over the public listener from that local address, then QUIT. */
    protected static SmtpReply send(String sourceAddress, String from, String to, String message) throws IOException {
        try (SmtpClient client = SmtpClient.connectFrom(sourceAddress, publicPort())) {
            SmtpReply reply = client.sendMail(from, List.of(to), message);
            client.command("QUIT");
            return reply;
        }
    }

    protected static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    protected static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
