package org.gatehouse.delivery.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.gatehouse.api.Envelope;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.Recipient;
import org.gatehouse.api.Spool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryEngineTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String CONTENT = "From: a@sender.test\r\nTo: b@example.test\r\nSubject: hello\r\n\r\nbody\r\n";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<MailEvent> events = new CopyOnWriteArrayList<>();
    private final MailLog mailLog = new MailLog() {
        @Override
        public void info(MailEvent event) {
            events.add(event);
        }

        @Override
        public void warning(MailEvent event) {
            events.add(event);
        }
    };
    private final TestSpool testSpool = new TestSpool();
    private volatile Spool spool = testSpool;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private SmtpSink sink;
    private DeliveryEngine engine;

    @BeforeEach
    void startSink() throws IOException {
        sink = open(new SmtpSink());
    }

    @AfterEach
    void closeAll() throws Exception {
        if (engine != null) {
            engine.close();
        }
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    private DeliveryEngine engine(int maxConnections, int maxMessages, RetrySchedule retry, String... routes)
            throws GeneralSecurityException {
        DeliverySettings settings = new DeliverySettings("gate.test", List.of(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), maxConnections, maxMessages, retry, "MAILER-DAEMON@gate.test",
                Duration.ofSeconds(5), 25, 8, true);
        DnsLookup noDns = new DnsLookup() {
            @Override
            public List<Mx> mx(String domain) throws DnsFailure {
                throw new DnsFailure("no DNS in this test", false);
            }

            @Override
            public List<InetAddress> addresses(String host) throws DnsFailure {
                throw new DnsFailure("no DNS in this test", false);
            }
        };
        engine = new DeliveryEngine(settings, noDns, OpportunisticTls.socketFactory(), () -> spool,
                () -> mailLog, clock);
        List<Route> table = new ArrayList<>();
        for (int i = 0; i + 1 < routes.length; i += 2) {
            table.add(Route.parse(routes[i], routes[i + 1]));
        }
        engine.routes(new RouteTable(table));
        return engine;
    }

    private DeliveryEngine engine(String... routes) throws GeneralSecurityException {
        return engine(1, 50, RetrySchedule.DEFAULT, routes);
    }

    private String sinkHost() {
        return "127.0.0.1:" + sink.port();
    }

    private static TestMessage message(long mid, String... to) {
        return new TestMessage(mid, "a@sender.test", List.of(to), CONTENT, NOW);
    }

    @Test
    void deliversManyMessagesOverOneConnection() throws Exception {
        engine(1, 50, RetrySchedule.DEFAULT, "example.test", sinkHost());
        List<TestMessage> messages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TestMessage m = message(100 + i, "b" + i + "@example.test");
            messages.add(m);
            engine.enqueue(m);
        }
        await().until(() -> messages.stream().allMatch(TestMessage::settled));
        assertEquals(30, sink.transactions.size());
        assertEquals(1, sink.connections.get());
        assertEquals(29, sink.count("RSET"));
        assertTrue(messages.stream().allMatch(m -> m.delivered.get(0).startsWith("250 2.0.0")));
        assertEquals(CONTENT, sink.transactions.get(0).content());
        await().until(() -> events.stream().filter(e -> e.type().equals("message.finished")).count() == 30);
        assertTrue(events.stream().anyMatch(e -> e.text().startsWith("New SMTP DCID 1 interface 127.0.0.1 address 127.0.0.1 port ")));
        assertTrue(events.stream().anyMatch(e -> e.text().equals("Delivery start DCID 1 MID 100 to RID [0]")));
        assertTrue(events.stream().anyMatch(e -> e.text().equals(
                "Message done DCID 1 MID 100 to RID [0] [('reply', '250 2.0.0 Ok: queued')]")));
    }

    @Test
    void opensANewConnectionAfterMaxMessagesPerConnection() throws Exception {
        engine(1, 2, RetrySchedule.DEFAULT, "example.test", sinkHost());
        List<TestMessage> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(message(200 + i, "b@example.test"));
        }
        messages.forEach(engine::enqueue);
        await().until(() -> messages.stream().allMatch(TestMessage::settled));
        assertEquals(3, sink.connections.get());
        assertEquals(5, sink.transactions.size());
    }

    @Test
    void reusesAnIdleConnectionForALaterMessage() throws Exception {
        engine("example.test", sinkHost());
        TestMessage first = message(1, "b@example.test");
        engine.enqueue(first);
        await().until(first::settled);
        await().until(() -> engine.destinations().stream().anyMatch(s -> s.idleConnections() == 1));
        TestMessage second = message(2, "c@example.test");
        engine.enqueue(second);
        await().until(second::settled);
        assertEquals(1, sink.connections.get());
        assertEquals(2, sink.transactions.size());
    }

    @Test
    void aReusedConnectionThatDiedIsReplacedWithoutDeferring() throws Exception {
        sink.hangUpAfterMessage = true;
        engine("example.test", sinkHost());
        deliverTwoInARow();
    }

    @Test
    void aReusedConnectionThatDiedIsReplacedWithoutPipelining() throws Exception {
        sink.hangUpAfterMessage = true;
        sink.extensions = List.of("SIZE 1000000");
        engine("example.test", sinkHost());
        deliverTwoInARow();
    }

    private void deliverTwoInARow() {
        TestMessage first = message(30, "b@example.test");
        engine.enqueue(first);
        await().until(first::settled);
        await().until(() -> engine.destinations().stream().anyMatch(s -> s.idleConnections() == 1));
        TestMessage second = message(31, "c@example.test");
        engine.enqueue(second);
        await().until(second::settled);
        assertEquals(1, second.delivered.size());
        assertTrue(second.deferred.isEmpty());
        assertEquals(2, sink.connections.get());
        assertEquals(2, sink.transactions.size());
    }

    @Test
    void neverMoreConnectionsThanTheDestinationAllows() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        sink.holdDataReply = hold;
        engine(3, 50, RetrySchedule.DEFAULT, "example.test", sinkHost());
        List<TestMessage> messages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            messages.add(message(300 + i, "b@example.test"));
        }
        messages.forEach(engine::enqueue);
        await().until(() -> sink.open.get() == 3 && sink.transactions.size() == 3);
        assertEquals(3, engine.destinations().get(0).activeConnections());
        assertEquals(27, engine.destinations().get(0).queued());
        hold.countDown();
        await().until(() -> messages.stream().allMatch(TestMessage::settled));
        assertEquals(3, sink.mostOpen.get());
        assertEquals(3, sink.connections.get());
    }

    @Test
    void aConnectionLostMidTransactionDefers() throws Exception {
        sink.hangUpAtEndOfData = true;
        engine("example.test", sinkHost());
        TestMessage m = message(32, "b@example.test");
        engine.enqueue(m);
        await().until(() -> m.deferred.size() == 1);
        assertTrue(m.deferredReply.get(0).startsWith("451 4.4.2 Connection to 127.0.0.1:"), m.deferredReply.get(0));
        assertTrue(m.delivered.isEmpty());
    }

    @Test
    void deactivationLetsTheTransactionInFlightFinish() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        sink.holdDataReply = hold;
        engine("example.test", sinkHost());
        TestMessage m = message(33, "b@example.test");
        engine.enqueue(m);
        await().until(() -> sink.transactions.size() == 1);
        Thread closer = new Thread(engine::close, "test-deactivate");
        closer.start();
        TestMessage late = message(34, "c@example.test");
        await().until(() -> {
            engine.enqueue(late);
            return closer.isAlive();
        });
        hold.countDown();
        closer.join(10_000);
        assertFalse(closer.isAlive());
        assertEquals(1, m.delivered.size());
        assertEquals(1, sink.transactions.size());
        assertTrue(late.delivered.isEmpty() && late.deferred.isEmpty());
        await().until(() -> sink.open.get() == 0);
    }

    @Test
    void oneRecipientDeferredOthersDelivered() throws Exception {
        engine("example.test", sinkHost());
        sink.rcptReply = address -> address.startsWith("later") ? "450 4.2.1 Try later" : "250 2.1.5 Ok";
        TestMessage m = message(7, "now@example.test", "later@example.test", "also@example.test");
        engine.enqueue(m);
        await().until(() -> m.delivered.size() == 2 && m.deferred.size() == 1);
        assertEquals(NOW.plusSeconds(60), m.deferred.get(1));
        assertEquals("450 4.2.1 Try later", m.deferredReply.get(1));
        assertEquals(List.of("now@example.test", "also@example.test"), sink.transactions.get(0).recipients());
        assertEquals(1, m.pending().size());
        assertTrue(testSpool.committed.isEmpty());
        assertEquals(1, engine.waiting().size());
        assertEquals(NOW.plusSeconds(60), engine.waiting().get(0).nextRetry());
        assertTrue(events.stream().anyMatch(e -> e.text().equals(
                "Delayed: DCID 1 MID 7 to RID [1] - 450 4.2.1 Try later")));
    }

    @Test
    void permanentFailureQueuesAnRfc3464Dsn() throws Exception {
        engine("example.test", sinkHost());
        sink.rcptReply = address -> address.startsWith("nobody") ? "550 5.1.1 No such user" : "250 2.1.5 Ok";
        TestMessage m = message(8, "nobody@example.test", "b@example.test");
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals("550 5.1.1 No such user", m.bounced.get(0));
        assertTrue(m.delivered.containsKey(1));
        assertEquals(1, testSpool.committed.size());
        TestSpool.Committed dsn = testSpool.committed.get(0);
        assertEquals(new Envelope("", List.of(new Recipient(0, "a@sender.test")), false, "7BIT"), dsn.envelope());
        assertEquals("gate.test", dsn.connection().helo());
        Dsn parsed = Dsn.parse(dsn.content());
        assertEquals("multipart/report; report-type=delivery-status", parsed.contentType());
        assertEquals("Mail Delivery System <MAILER-DAEMON@gate.test>", parsed.header("From"));
        assertEquals("<a@sender.test>", parsed.header("To"));
        assertEquals("auto-replied", parsed.header("Auto-Submitted"));
        assertEquals(3, parsed.parts().size());
        assertTrue(parsed.parts().get(0).body().contains("<nobody@example.test>: host 127.0.0.1 said: 550 5.1.1 No such user"));
        Dsn.Part status = parsed.parts().get(1);
        assertEquals("message/delivery-status", status.header("Content-Type"));
        assertEquals("dns; gate.test", status.field(0, "Reporting-MTA"));
        assertEquals("Mon, 23 Nov 2026 10:00:00 GMT", status.field(0, "Arrival-Date"));
        assertEquals("rfc822; nobody@example.test", status.field(1, "Final-Recipient"));
        assertEquals("failed", status.field(1, "Action"));
        assertEquals("5.1.1", status.field(1, "Status"));
        assertEquals("dns; 127.0.0.1", status.field(1, "Remote-MTA"));
        assertEquals("smtp; 550 5.1.1 No such user", status.field(1, "Diagnostic-Code"));
        assertEquals("Mon, 23 Nov 2026 10:00:00 GMT", status.field(1, "Last-Attempt-Date"));
        Dsn.Part headers = parsed.parts().get(2);
        assertEquals("text/rfc822-headers", headers.header("Content-Type"));
        assertEquals("From: a@sender.test\r\nTo: b@example.test\r\nSubject: hello\r\n", headers.body());
        assertTrue(events.stream().anyMatch(e -> e.text().equals("MID 1001 was generated based on MID 8 RID [0]")));
        assertTrue(events.stream().anyMatch(e -> e.text().equals(
                "Bounced: DCID 1 MID 8 to RID [0] - 550 5.1.1 No such user")));
    }

    @Test
    void noDsnForTheNullSender() throws Exception {
        engine("example.test", sinkHost());
        sink.rcptReply = address -> "550 5.1.1 No such user";
        TestMessage m = new TestMessage(9, "", List.of("x@example.test"), CONTENT, NOW);
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals("550 5.1.1 No such user", m.bounced.get(0));
        assertTrue(testSpool.committed.isEmpty());
        assertEquals("", sink.commands.stream().filter(c -> c.startsWith("MAIL")).findFirst().orElseThrow()
                .replace("MAIL FROM:<>", "").replaceAll(" SIZE=\\d+", ""));
    }

    @Test
    void withoutASpoolTheBounceWaits() throws Exception {
        spool = null;
        engine("example.test", sinkHost());
        sink.rcptReply = address -> "550 5.1.1 No such user";
        TestMessage m = message(10, "x@example.test");
        engine.enqueue(m);
        await().until(() -> m.deferred.containsKey(0));
        assertTrue(m.bounced.isEmpty());
        assertTrue(m.deferredReply.get(0).startsWith("451 4.3.0 Bounce could not be queued"));
        assertEquals(NOW.plusSeconds(60), m.deferred.get(0));
        spool = testSpool;
        assertTrue(engine.deliverNow(10));
        await().until(m::settled);
        assertEquals(1, testSpool.committed.size());
    }

    @Test
    void bouncesWhenRetriesRunOut() throws Exception {
        engine("example.test", sinkHost());
        sink.rcptReply = address -> "451 4.7.1 Greylisted";
        TestMessage m = message(11, "x@example.test").status(0, 99, NOW);
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals("451 4.7.1 Greylisted", m.bounced.get(0));
        Dsn.Part status = Dsn.parse(testSpool.committed.get(0).content()).parts().get(1);
        assertEquals("4.7.1", status.field(1, "Status"));
        assertEquals("failed", status.field(1, "Action"));
    }

    @Test
    void bouncesWhenTheMessageIsTooOld() throws Exception {
        engine("example.test", sinkHost());
        sink.rcptReply = address -> "451 4.7.1 Greylisted";
        TestMessage m = new TestMessage(12, "a@sender.test", List.of("x@example.test"), CONTENT,
                NOW.minus(Duration.ofHours(73)));
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals(1, testSpool.committed.size());
    }

    @Test
    void triesTheNextHostWhenOneIsDownOrRefusesAtTheGreeting() throws Exception {
        SmtpSink busy = open(new SmtpSink());
        busy.greeting = "421 4.3.2 Too busy";
        int closedPort;
        try (ServerSocket unused = new ServerSocket()) {
            unused.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closedPort = unused.getLocalPort();
        }
        engine("example.test", "127.0.0.1:" + closedPort + "/10, 127.0.0.1:" + busy.port() + "/20, "
                + sinkHost() + "/30");
        TestMessage m = message(13, "b@example.test");
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals(1, m.delivered.size());
        assertEquals(1, busy.connections.get());
        assertEquals(1, sink.transactions.size());
    }

    @Test
    void defersWhenNoHostAnswers() throws Exception {
        sink.greeting = "554 5.7.1 Go away";
        engine("example.test", sinkHost());
        TestMessage m = message(14, "b@example.test", "c@example.test");
        engine.enqueue(m);
        await().until(() -> m.deferred.size() == 2);
        assertTrue(m.bounced.isEmpty());
        assertTrue(m.deferredReply.get(0).startsWith("451 4.4.0 554 5.7.1 Go away"), m.deferredReply.get(0));
    }

    @Test
    void devNullRouteDropsWithoutConnecting() throws Exception {
        engine("example.test", "/dev/null");
        TestMessage m = message(15, "b@example.test");
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals(Outcomes.DROPPED, m.delivered.get(0));
        assertEquals(0, sink.connections.get());
    }

    @Test
    void waitsForTheRetryTimeUnlessToldToDeliverNow() throws Exception {
        engine("example.test", sinkHost());
        TestMessage m = message(16, "b@example.test").status(0, 3, NOW.plus(Duration.ofHours(1)));
        engine.enqueue(m);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> sink.connections.get() == 0);
        assertFalse(engine.deliverNow(999));
        assertTrue(engine.deliverNow(16));
        await().until(m::settled);
        assertEquals(1, m.delivered.size());
    }

    @Test
    void retriesAtTheTimeTheSpoolRemembers() throws Exception {
        engine("example.test", sinkHost());
        TestMessage m = message(17, "b@example.test").status(0, 3, NOW.minusSeconds(10));
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals(1, m.delivered.size());
    }

    @Test
    void removedMessagesAreForgotten() throws Exception {
        engine("example.test", sinkHost());
        TestMessage m = message(18, "b@example.test").status(0, 1, NOW.plus(Duration.ofHours(1)));
        engine.enqueue(m);
        engine.remove(18);
        assertFalse(engine.deliverNow(18));
        assertTrue(engine.waiting().isEmpty());
    }

    @Test
    void dotStuffsContentOnTheWire() throws Exception {
        engine("example.test", sinkHost());
        String content = "Subject: dots\r\n\r\n.leading dot\r\n..two\r\n.\r\nend";
        TestMessage m = new TestMessage(19, "a@sender.test", List.of("b@example.test"), content, NOW);
        engine.enqueue(m);
        await().until(m::settled);
        SmtpSink.Transaction t = sink.transactions.get(0);
        assertEquals("Subject: dots\r\n\r\n..leading dot\r\n...two\r\n..\r\nend\r\n", t.dataText());
        assertEquals(content + "\r\n", t.content());
    }

    @Test
    void startTlsRefusedBefore220FallsBackToClearText() throws Exception {
        sink.startTlsReply = "454 4.7.0 TLS not available";
        engine("example.test", sinkHost());
        TestMessage m = message(20, "b@example.test");
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals(1, sink.count("STARTTLS"));
        assertEquals(1, sink.transactions.size());
    }

    @Test
    void encryptsWithStartTlsWhenOffered() throws Exception {
        sink.tls = SelfSignedTls.serverContext();
        sink.startTlsReply = "220 2.0.0 Ready to start TLS";
        engine("example.test", sinkHost());
        TestMessage m = message(28, "b@example.test");
        TestMessage n = message(29, "c@example.test");
        engine.enqueue(m);
        engine.enqueue(n);
        await().until(() -> m.settled() && n.settled());
        assertEquals(1, sink.tlsProtocols.size());
        assertTrue(sink.tlsProtocols.get(0).startsWith("TLSv1."));
        assertEquals(2, sink.count("EHLO"));
        assertEquals(CONTENT, sink.transactions.get(1).content());
        assertTrue(events.stream().anyMatch(e -> e.text().startsWith("New SMTP DCID 1 ")
                && e.text().endsWith("TLS " + sink.tlsProtocols.get(0))));
    }

    @Test
    void startTlsFailingAfter220DoesNotFallBack() throws Exception {
        sink.startTlsReply = "220 close";
        engine("example.test", sinkHost());
        TestMessage m = message(21, "b@example.test");
        engine.enqueue(m);
        await().until(() -> m.deferred.size() == 1);
        assertEquals(0, sink.count("MAIL"));
        assertEquals(1, sink.connections.get());
    }

    @Test
    void smtpUtf8NeededButNotOfferedBounces() throws Exception {
        engine("example.test", sinkHost());
        TestMessage m = new TestMessage(22, new Envelope("a@sender.test", List.of(new Recipient(0, "jörg@example.test")),
                true, "8BITMIME"), CONTENT, NOW);
        engine.enqueue(m);
        await().until(m::settled);
        assertTrue(m.bounced.get(0).startsWith("553 5.6.7"), m.bounced.get(0));
        assertEquals(0, sink.count("MAIL"));
        Dsn.Part status = Dsn.parse(testSpool.committed.get(0).content()).parts().get(1);
        assertEquals("X-Gatehouse; 553 5.6.7 127.0.0.1 does not support SMTPUTF8, which the message needs",
                status.field(1, "Diagnostic-Code"));
        assertEquals("utf-8; jörg@example.test", status.field(1, "Final-Recipient"));
        assertTrue(testSpool.committed.get(0).envelope().smtpUtf8());
    }

    @Test
    void smtpUtf8AndEightBitWhenOffered() throws Exception {
        sink.extensions = List.of("SMTPUTF8", "8BITMIME", "SIZE 10000000");
        engine("example.test", sinkHost());
        TestMessage m = new TestMessage(23, new Envelope("a@sender.test", List.of(new Recipient(0, "jörg@example.test")),
                true, "8BITMIME"), CONTENT, NOW);
        engine.enqueue(m);
        await().until(m::settled);
        String mail = sink.commands.stream().filter(c -> c.startsWith("MAIL")).findFirst().orElseThrow();
        assertEquals("MAIL FROM:<a@sender.test> SIZE=" + CONTENT.length() + " BODY=8BITMIME SMTPUTF8", mail);
        assertEquals(List.of("jörg@example.test"), sink.transactions.get(0).recipients());
    }

    @Test
    void tooBigForTheServerBounces() throws Exception {
        sink.extensions = List.of("SIZE 10");
        engine("example.test", sinkHost());
        TestMessage m = message(24, "b@example.test");
        engine.enqueue(m);
        await().until(m::settled);
        assertTrue(m.bounced.get(0).startsWith("552 5.3.4"), m.bounced.get(0));
    }

    @Test
    void worksWithoutPipelining() throws Exception {
        sink.extensions = List.of();
        sink.rcptReply = address -> address.startsWith("no") ? "550 5.1.1 Unknown" : "250 2.1.5 Ok";
        engine("example.test", sinkHost());
        TestMessage m = message(25, "no@example.test", "yes@example.test");
        TestMessage n = message(26, "no@example.test");
        engine.enqueue(m);
        engine.enqueue(n);
        await().until(() -> m.settled() && n.settled());
        assertEquals(1, m.delivered.size());
        assertEquals(1, n.bounced.size());
        assertEquals(1, sink.transactions.size());
        assertEquals(1, sink.count("DATA"));
    }

    @Test
    void groupsRecipientsByDomain() throws Exception {
        SmtpSink other = open(new SmtpSink());
        engine("example.test", sinkHost(), "other.test", "127.0.0.1:" + other.port());
        TestMessage m = message(27, "a@example.test", "b@other.test", "c@example.test");
        engine.enqueue(m);
        await().until(m::settled);
        assertEquals(List.of("a@example.test", "c@example.test"), sink.transactions.get(0).recipients());
        assertEquals(List.of("b@other.test"), other.transactions.get(0).recipients());
    }
}
