package org.gatehouse.delivery.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery by MX, with dnsjava asking an in-test DNS responder. */
class MxDeliveryTest {

    private TinyDns dns;
    private SmtpSink sink;
    private final TestSpool spool = new TestSpool();
    private DeliveryEngine engine;

    @BeforeEach
    void start() throws Exception {
        dns = new TinyDns();
        sink = new SmtpSink();
        DeliverySettings settings = new DeliverySettings("gate.test", List.of(dns.server()), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 2, 50, RetrySchedule.DEFAULT, "postmaster@gate.test",
                Duration.ofSeconds(5), sink.port(), 4, false);
        engine = new DeliveryEngine(settings, new DnsjavaLookup(settings.dnsServers(), Duration.ofSeconds(2)),
                null, () -> spool, () -> null, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        sink.close();
        dns.close();
    }

    @Test
    void deliversToTheBestMxThatAnswers() throws Exception {
        // The preferred MX points at an address where nothing listens; the second one is the sink.
        dns.mx("mx.test", 10, "down.mx.test").a("down.mx.test", "127.0.0.2")
                .mx("mx.test", 20, "up.mx.test").a("up.mx.test", "127.0.0.1");
        TestMessage m = new TestMessage(1, "a@sender.test", List.of("b@mx.test"), "Subject: x\r\n\r\nhi\r\n",
                Instant.now());
        engine.enqueue(m);
        await().atMost(Duration.ofSeconds(20)).until(m::settled);
        assertEquals(1, m.delivered.size());
        assertEquals(List.of("b@mx.test"), sink.transactions.get(0).recipients());
    }

    @Test
    void nullMxBouncesWithoutConnecting() throws Exception {
        dns.mx("nomail.test", 0, ".");
        TestMessage m = new TestMessage(2, "a@sender.test", List.of("b@nomail.test"), "Subject: x\r\n\r\nhi\r\n",
                Instant.now());
        engine.enqueue(m);
        await().until(m::settled);
        assertTrue(m.bounced.get(0).startsWith("556 5.1.10"), m.bounced.get(0));
        assertEquals(0, sink.connections.get());
        Dsn.Part status = Dsn.parse(spool.committed.get(0).content()).parts().get(1);
        assertEquals("5.1.10", status.field(1, "Status"));
        assertNull(status.field(1, "Remote-MTA"));
        assertTrue(status.field(1, "Diagnostic-Code").startsWith("X-Gatehouse; 556 5.1.10"));
        assertEquals("postmaster@gate.test", Dsn.parse(spool.committed.get(0).content()).header("From")
                .replaceAll(".*<(.*)>", "$1"));
    }

    @Test
    void dnsTroubleDefers() throws Exception {
        dns.broken("flaky.test");
        TestMessage m = new TestMessage(3, "a@sender.test", List.of("b@flaky.test"), "Subject: x\r\n\r\nhi\r\n",
                Instant.now());
        engine.enqueue(m);
        await().until(() -> m.deferred.size() == 1);
        assertTrue(m.deferredReply.get(0).startsWith("451 4.4.3"), m.deferredReply.get(0));
    }
}
