package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.awaitility.core.ConditionTimeoutException;
import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.ReceivedMail;
import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.SpamSamples;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.gatehouse.itests.support.TestSpamd;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Anti-spam over SMTP, licensed by the container's evaluation: with the embedded engine a pills
 * and casino pitch is accepted, held in the {@code spam} quarantine and never delivered, while a
 * colleague's mail arrives with a negative verdict and its Subject untouched; a suspected one
 * arrives with its Subject prefixed. Then the spamd adapter: while spamd does not answer, mail is
 * accepted and waits in the queue (never passed unscanned); against a real spamd the waiting
 * message goes on, and GTUBE, which only SpamAssassin knows, is held with spamd's rule named.
 *
 * <p>Every test leaves the shipped configuration behind: the classes after this one see the
 * embedded engine, as a customer would.
 */
public class AntispamIT extends StageTestSupport {

    private static final String PID = "org.gatehouse.antispam";
    private static final String SPAMMER = "deals@pharma-bulk.test";
    private static final String FROM = "alice@sender.test";
    private static final String TO = "bob@example.com";
    /** Engine and spamd address as etc/org.gatehouse.antispam.cfg ships them. */
    private static final Map<String, String> SHIPPED_ENGINE = shippedEngine();
    /** No rule points overridden, as shipped (an empty key is the same as none). */
    private static final Map<String, String> SHIPPED_RULE_POINTS = Map.of("rule.points", "");
    /**
     * Gives an urgent-marked message enough points to be suspected, and no more: the reply and
     * mail client rules, which take points away, are set to none, so the sum is the Bayes band
     * of a plain colleague's note (-15 to +20) and these 65.
     */
    private static final String URGENT_POINTS = "PRIORITY_HIGH=65,IN_REPLY=0,KNOWN_MAIL_CLIENT=0";
    /**
     * The suspected message comes from an address with no history: 127.0.0.1 has sent the whole
     * suite's mail by now, and its good reputation (SBRS) would take points away.
     */
    private static final String NEW_SENDER_HOST = "127.0.0.32";

    @Before
    public void awaitAntispam() throws Exception {
        console = Console.onPort(port(TestPorts.SSH));
        within(60).until(() -> installedFeatures().contains("gatehouse-antispam "));
        // The feature's etc/ file reaches Config Admin a moment after the feature starts, and the
        // stage is activated again with it: wait for that one. Only a configured stage has a PID.
        within(30).until(() -> stageRegisteredWith("antispam", "(service.pid=" + PID + ")(engine=embedded)"));
        within(30).until(() -> stageRow("antispam").matches(".*\\byes\\b.*\\bactive\\b.*"));
    }

    @Test
    public void spamIsQuarantinedAndHamIsDeliveredUntouched() throws Exception {
        String spam = TestMessage.marker();
        long spamMid = queuedMid(accepted(send(SPAMMER, SpamSamples.spam(SPAMMER, TO, spam))));
        String ham = TestMessage.marker();
        long hamMid = queuedMid(accepted(send(FROM, SpamSamples.ham(FROM, TO, ham, false))));

        within(30).until(() -> !sink.receivedWith(ham).isEmpty());
        String delivered = sink.receivedWith(ham).get(0).content();
        assertTrue(delivered, delivered.contains("X-Gatehouse-Spam-Verdict: negative"));
        assertEquals(delivered, "Subject: " + SpamSamples.hamSubject(ham), subjectLine(delivered));
        assertTrue(mailLogOf(hamMid), mailLogOf(hamMid).contains("MID " + hamMid + " antispam negative score "));

        within(30).until(() -> mailLog().contains("MID " + spamMid + " held by antispam: quarantine spam"));
        assertTrue(mailLogOf(spamMid), mailLogOf(spamMid).contains("MID " + spamMid + " antispam positive score "));
        assertTrue(queueRow(spamMid), queueRow(spamMid).endsWith("held"));
        String show = queueShow(spamMid);
        assertTrue(show, show.contains("X-Gatehouse-Spam-Verdict: positive"));
        assertTrue(show, show.contains("X-Gatehouse-Spam-Rules: ") && show.contains("URI_NUMERIC_HOST"));
        // Held is final until an admin acts: it cannot still be on its way to the sink.
        assertTrue("spam reached the sink", sink.receivedWith(spam).isEmpty());
    }

    @Test
    public void suspectedMailIsDeliveredWithItsSubjectPrefixed() throws Exception {
        try (AutoCloseable shipped = () -> reconfigure(SHIPPED_RULE_POINTS)) {
            reconfigure(Map.of("rule.points", URGENT_POINTS));
            String urgent = TestMessage.marker();
            long mid = queuedMid(accepted(send(NEW_SENDER_HOST, FROM, TO, SpamSamples.ham(FROM, TO, urgent, true))));
            within(30).until(() -> !sink.receivedWith(urgent).isEmpty());
            String delivered = sink.receivedWith(urgent).get(0).content();
            assertTrue(delivered + "\n" + mailLogOf(mid), delivered.contains("X-Gatehouse-Spam-Verdict: suspected"));
            assertEquals(delivered, "Subject: [SUSPECTED SPAM] " + SpamSamples.hamSubject(urgent), subjectLine(delivered));
            assertTrue(delivered, delivered.contains("PRIORITY_HIGH"));
            assertTrue(mailLogOf(mid), mailLogOf(mid).contains("MID " + mid + " antispam suspected score "));
        }
    }

    @Test
    public void mailWaitsWhileSpamdIsDownAndSpamdFindsGtube() throws Exception {
        Path dir = Files.createTempDirectory("gatehouse-it-spamd");
        TestSpamd spamd = TestSpamd.on(dir, TestPorts.freePort());
        // Closed in reverse order: the shipped engine is back (the suite goes on after this
        // class) before spamd stops; a failure to restore is added to the test's own, not lost.
        try (TestSpamd running = spamd; AutoCloseable shipped = () -> reconfigure(SHIPPED_ENGINE)) {
            // Nothing listens on spamd's port yet: mail is accepted and waits (never passed unscanned).
            reconfigure(spamdAt(spamd.port()));
            String waiting = TestMessage.marker();
            long waitingMid = queuedMid(accepted(send(FROM, SpamSamples.ham(FROM, TO, waiting, false))));
            within(30).until(() -> mailLog().contains("MID " + waitingMid + " antispam error: "));
            String show = queueShow(waitingMid);
            assertTrue(show, show.contains("stage retry") && show.contains("spamd at 127.0.0.1:" + spamd.port()));
            assertTrue(queueRow(waitingMid), queueRow(waitingMid).endsWith("stage retry"));
            within(10).during(Duration.ofSeconds(3)).until(() -> sink.receivedWith(waiting).isEmpty());

            // spamd is up: the message goes on (now, as the admin asks, rather than at its retry time).
            spamd.start();
            Console.Result now = console.run("gatehouse:queue-deliver-now " + waitingMid);
            assertEquals(now.output(), 0, now.exitCode());
            within(60).until(() -> !sink.receivedWith(waiting).isEmpty());
            List<ReceivedMail> arrived = sink.receivedWith(waiting);
            assertEquals("delivered once", 1, arrived.size());
            assertTrue(arrived.get(0).content(), arrived.get(0).content().contains("X-Gatehouse-Spam-Verdict: negative"));
            assertTrue(mailLogOf(waitingMid) + "\nspamd log:\n" + spamd.log(),
                    mailLogOf(waitingMid).contains("MID " + waitingMid + " antispam negative score "));

            // GTUBE: the embedded engine has no rule for it, SpamAssassin's spamd does.
            String gtube = TestMessage.marker();
            long gtubeMid = queuedMid(accepted(send(FROM, SpamSamples.gtube(FROM, TO, gtube))));
            within(60).until(() -> mailLog().contains("MID " + gtubeMid + " held by antispam: quarantine spam"));
            assertTrue(mailLogOf(gtubeMid), mailLogOf(gtubeMid).contains("MID " + gtubeMid + " antispam positive score 100"));
            String held = queueShow(gtubeMid);
            assertTrue(held + "\nspamd log:\n" + spamd.log(), held.matches("(?s).*X-Gatehouse-Spam-Rules: [^\\n]*\\bGTUBE\\b.*"));
            assertTrue(held, held.contains("X-Gatehouse-Spam-Engine: spamd 127.0.0.1:"));
            assertTrue(queueRow(gtubeMid), queueRow(gtubeMid).endsWith("held"));
            assertTrue("spamd saw it: " + spamd.log(), spamd.log().contains("<" + gtube + "@client.test>"));
            assertTrue("GTUBE reached the sink", sink.receivedWith(gtube).isEmpty());
        } finally {
            deleteTree(dir);
        }
    }

    private static Map<String, String> spamdAt(int port) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spamd.host", "127.0.0.1");
        properties.put("spamd.port", Integer.toString(port));
        properties.put("engine", "spamd");
        return properties;
    }

    private static Map<String, String> shippedEngine() {
        Map<String, String> properties = spamdAt(783);
        properties.put("engine", "embedded");
        return properties;
    }

    /**
     * As an admin does it: the console's config commands (an empty value deletes the key, whose
     * default is empty); then waits until the stage runs with the change.
     */
    private void reconfigure(Map<String, String> properties) throws Exception {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String command = property.getValue().isEmpty()
                    ? "config:property-delete -p " + PID + " " + property.getKey()
                    : "config:property-set -p " + PID + " " + property.getKey() + " " + property.getValue();
            Console.Result set = console.run(command);
            assertEquals(command + ": " + set.output(), 0, set.exitCode());
        }
        try {
            within(30).until(() -> tookEffect(properties));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("anti-spam did not take " + properties + "; engine " + describe(engine())
                    + ", stage " + describe(stage()), e);
        }
        within(30).until(() -> stageRow("antispam").matches(".*\\byes\\b.*\\bactive\\b.*"));
    }

    /**
     * Whether both the engine service and the stage run with these configuration properties
     * (Declarative Services gives a component's service its configuration; a missing key counts
     * as empty). The engine and the stage take a change one after the other, and the stage binds
     * the engine when it starts: the change is in effect once the stage was registered after the
     * engine that has it.
     */
    private boolean tookEffect(Map<String, String> properties) throws InvalidSyntaxException {
        ServiceReference<?> engine = engine();
        ServiceReference<?> stage = stage();
        return engine != null && stage != null && has(engine, properties) && has(stage, properties)
                && serviceId(stage) > serviceId(engine);
    }

    private static boolean has(ServiceReference<?> reference, Map<String, String> properties) {
        return properties.entrySet().stream()
                .allMatch(p -> p.getValue().equals(Objects.toString(reference.getProperty(p.getKey()), "")));
    }

    private ServiceReference<?> engine() throws InvalidSyntaxException {
        return only("(objectClass=org.gatehouse.antispam.internal.Antispam)");
    }

    private ServiceReference<?> stage() throws InvalidSyntaxException {
        return only("(gatehouse.stage=antispam)");
    }

    /** The one service the filter matches, or null while there is none (or, in a change, two). */
    private ServiceReference<?> only(String filter) throws InvalidSyntaxException {
        ServiceReference<?>[] references = bundleContext.getAllServiceReferences(null, filter);
        return references == null || references.length != 1 ? null : references[0];
    }

    private static String describe(ServiceReference<?> reference) {
        if (reference == null) {
            return "none";
        }
        Map<String, Object> properties = new TreeMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return properties.toString();
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty("service.id");
    }

    private static SmtpReply send(String from, String message) throws IOException {
        return send("127.0.0.1", from, TO, message);
    }

    /** The message's (one line) Subject header, or "" when it has none. */
    private static String subjectLine(String message) {
        String header = message.split("\r?\n\r?\n", 2)[0];
        return header.lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElse("");
    }
}
