package org.gatehouse.maillog.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.gatehouse.api.MailEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailLogServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:50:33Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesTheClassicLineAndTheSameEventAsJson() throws Exception {
        MailLogService log = new MailLogService(dir, 100, CLOCK);
        log.info(MailEvent.of("message.start").with("mid", 6L).with("icid", 5L).text("Start MID 6 ICID 5"));
        log.warning(MailEvent.of("message.to").with("mid", 6L).with("to", "b\"@example.com")
                .text("MID 6 ICID 5 RID 0 To: <b\"@example.com>"));
        log.deactivate();

        List<String> text = Files.readAllLines(dir.resolve("mail.log"));
        assertEquals(List.of("Mon Nov 23 12:50:33 2026 Info: Start MID 6 ICID 5",
                "Mon Nov 23 12:50:33 2026 Warning: MID 6 ICID 5 RID 0 To: <b\"@example.com>"), text);
        List<String> json = Files.readAllLines(dir.resolve("mail.json"));
        assertEquals("{\"time\":\"2026-11-23T12:50:33Z\",\"level\":\"info\",\"event\":\"message.start\","
                + "\"mid\":6,\"icid\":5,\"text\":\"Start MID 6 ICID 5\"}", json.get(0));
        assertTrue(json.get(1).contains("\"to\":\"b\\\"@example.com\""), json.get(1));
    }

    @Test
    void eventsAreWrittenWithoutWaitingForShutdown() throws Exception {
        MailLogService log = new MailLogService(dir, 100, CLOCK);
        log.info(MailEvent.of("x").text("ICID 1 close"));
        await().until(() -> Files.exists(dir.resolve("mail.log"))
                && Files.readString(dir.resolve("mail.log")).contains("ICID 1 close"));
        log.deactivate();
    }

    @Test
    void tailShowsTheLastLinesOnly() throws Exception {
        MailLogService log = new MailLogService(dir, 100_000, CLOCK);
        for (int i = 0; i < 5000; i++) {
            log.info(MailEvent.of("x").text("line " + i));
        }
        log.deactivate();
        List<String> tail = log.tail(3);
        assertEquals(3, tail.size());
        assertTrue(tail.get(0).endsWith("line 4997"), tail.get(0));
        assertTrue(tail.get(2).endsWith("line 4999"), tail.get(2));
        assertEquals(5000, log.tail(10_000).size());
    }

    @Test
    void aFullQueueLosesEventsButNeverBlocksAndSaysSo() throws Exception {
        MailLogService log = new MailLogService(dir, 16, CLOCK);
        for (int i = 0; i < 100_000; i++) {
            log.info(MailEvent.of("x").text("burst " + i));
        }
        log.info(MailEvent.of("x").text("after"));
        log.deactivate();
        String text = Files.readString(dir.resolve("mail.log"), StandardCharsets.UTF_8);
        long written = text.lines().filter(l -> l.contains("burst ")).count();
        if (written < 100_000) {
            assertTrue(text.contains("mail log events lost"), "the loss is reported");
        }
    }

    @Test
    void jsonTimesReadLikeInstantToString() throws Exception {
        Instant[] times = {Instant.parse("2026-11-23T12:50:33.120Z"), Instant.parse("2026-11-23T12:50:33.000450Z"),
            Instant.parse("2026-11-23T12:50:34.000000007Z")};
        MailLogFiles files = new MailLogFiles(dir, ZoneOffset.UTC);
        for (Instant t : times) {
            files.write(new LogRecord(t, "Info", MailEvent.of("x").text("at " + t)));
        }
        files.close();
        List<String> json = Files.readAllLines(dir.resolve("mail.json"));
        for (int i = 0; i < times.length; i++) {
            assertTrue(json.get(i).startsWith("{\"time\":\"" + times[i] + "\","), json.get(i));
        }
        assertEquals("Mon Nov 23 12:50:34 2026 Info: at " + times[2], Files.readAllLines(dir.resolve("mail.log")).get(2));
    }

    @Test
    void jsonEscapesControlCharacters() {
        assertEquals("{\"a\":\"x\\u0001\\n\",\"b\":[1,\"y\"],\"c\":null}",
                JsonLine.render(new java.util.LinkedHashMap<>(java.util.Map.of()) {{
                    put("a", "x\u0001\n");
                    put("b", List.of(1, "y"));
                    put("c", null);
                }}));
    }
}
