package org.gatehouse.queue.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.Recipient;
import org.gatehouse.queue.internal.AddedHeader;
import org.gatehouse.queue.internal.MessageView;
import org.gatehouse.queue.internal.Phase;
import org.gatehouse.queue.internal.QueueAdmin;
import org.gatehouse.queue.internal.QueueStatus;
import org.gatehouse.queue.internal.StageView;
import org.gatehouse.queue.internal.RecipientOutcome;
import org.gatehouse.queue.internal.RecipientProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueCommandsTest {

    private static final Recipient B = new Recipient(0, "b@example.com");
    private static final Recipient C = new Recipient(1, "c@example.com");
    private static final MessageView VIEW = new MessageView(6, new Envelope("a@example.org", List.of(B, C), false,
            "8BITMIME"), new Connection(5, "public", "10.1.1.209", "a.example", true, "a.example", "TLSv1.3",
            "UNKNOWNLIST", "ACCEPTED", null), Instant.now().minusSeconds(300), 1234, Phase.DELIVERY, 2,
            "451 4.4.1 no answer", Instant.now().plusSeconds(600),
            List.of(new RecipientProgress(B, RecipientOutcome.DELIVERED, 1, "250 ok", null),
                    new RecipientProgress(C, RecipientOutcome.PENDING, 2, "451 4.4.1 no answer",
                            Instant.now().plusSeconds(600))),
            List.of(new AddedHeader("X-Gatehouse-Spam", "negative")), Map.of("antispam.score", "3"));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream saved;

    private final QueueAdmin admin = new QueueAdmin() {
        @Override
        public List<MessageView> list() {
            return List.of(VIEW);
        }

        @Override
        public Optional<MessageView> show(long mid) {
            return mid == 6 ? Optional.of(VIEW) : Optional.empty();
        }

        @Override
        public boolean deliverNow(long mid) {
            return mid == 6;
        }

        @Override
        public int deliverAllNow() {
            return 1;
        }

        @Override
        public boolean delete(long mid) {
            return mid == 6;
        }

        @Override
        public QueueStatus status() {
            Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
            counts.put(Phase.DELIVERY, 1);
            return new QueueStatus(counts, VIEW.received(), 1234, 0, List.of("antispam(300)"), true);
        }

        @Override
        public List<StageView> pipeline() {
            return List.of(new StageView("antispam", 300, "antispam", "yes", "waiting", "-", 12),
                    new StageView("antivirus", 400, "antivirus", "yes", "active", "0.2.0", 0));
        }

        @Override
        public boolean forgetStage(String name) {
            return "antispam".equals(name);
        }
    };

    @BeforeEach
    void capture() {
        saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(saved);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsPendingRecipientsAndState() {
        QueueListCommand c = new QueueListCommand();
        c.queue = admin;
        c.execute();
        String text = printed();
        assertTrue(text.contains("c@example.com") && !text.contains("b@example.com"), text);
        assertTrue(text.contains("delivery") && text.contains("5m") && text.contains("451 4.4.1"), text);
    }

    @Test
    void showPrintsEnvelopeConnectionRecipientsAndHeaders() {
        QueueShowCommand c = new QueueShowCommand();
        c.queue = admin;
        c.mid = 6;
        c.execute();
        String text = printed();
        assertTrue(text.contains("ICID         5 on listener public"), text);
        assertTrue(text.contains("delivered") && text.contains("pending"), text);
        assertTrue(text.contains("X-Gatehouse-Spam: negative"), text);
        assertTrue(text.contains("1234 octets"), text);
    }

    @Test
    void deliverNowDeleteAndStatus() {
        QueueDeliverNowCommand now = new QueueDeliverNowCommand();
        now.queue = admin;
        now.mid = 6L;
        now.execute();
        QueueDeliverNowCommand all = new QueueDeliverNowCommand();
        all.queue = admin;
        all.all = true;
        all.execute();
        QueueDeleteCommand delete = new QueueDeleteCommand();
        delete.queue = admin;
        delete.mid = 6;
        delete.execute();
        QueueStatusCommand status = new QueueStatusCommand();
        status.queue = admin;
        status.execute();
        String text = printed();
        assertTrue(text.contains("MID 6 scheduled for delivery now."), text);
        assertTrue(text.contains("1 messages scheduled"), text);
        assertTrue(text.contains("MID 6 deleted."), text);
        assertTrue(text.contains("antispam(300)") && text.contains("5m old"), text);
    }

    /** Refusals are thrown: Karaf shows them as errors and ssh exec exits non-zero (stderr is lost there). */
    @Test
    void unknownMidsAndMissingArgumentsAreConsoleErrors() {
        QueueShowCommand show = new QueueShowCommand();
        show.queue = admin;
        show.mid = 999;
        assertEquals("No message MID 999 in the queue.",
                assertThrows(IllegalArgumentException.class, show::execute).getMessage());
        QueueDeleteCommand delete = new QueueDeleteCommand();
        delete.queue = admin;
        delete.mid = 999;
        assertThrows(IllegalArgumentException.class, delete::execute);
        QueueDeliverNowCommand neither = new QueueDeliverNowCommand();
        neither.queue = admin;
        assertEquals("Give a MID or --all.",
                assertThrows(IllegalArgumentException.class, neither::execute).getMessage());
    }

    @Test
    void pipelineShowsEachStageWithItsStateAndWhoWaits() {
        PipelineCommand c = new PipelineCommand();
        c.queue = admin;
        c.execute();
        String text = printed();
        assertTrue(text.matches("(?s).*antispam\\s+.\\s+300\\s+.\\s+antispam\\s+.\\s+yes\\s+.\\s+waiting\\s+.\\s+-\\s+.\\s+12.*"), text);
        assertTrue(text.indexOf("antispam") < text.indexOf("antivirus") && text.contains("0.2.0"), text);
    }

    @Test
    void forgettingARunningStageIsRefused() {
        PipelineForgetCommand c = new PipelineForgetCommand();
        c.queue = admin;
        c.stage = "antivirus";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::execute);
        assertTrue(e.getMessage().contains("enabled=false"), e.getMessage());
        c.stage = "antispam";
        c.execute();
        assertTrue(printed().contains("no longer wait for stage antispam"), printed());
    }
}
