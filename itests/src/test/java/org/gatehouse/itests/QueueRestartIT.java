package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.itests.support.SmtpReply;
import org.gatehouse.itests.support.SmtpSink;
import org.gatehouse.itests.support.TestMessage;
import org.gatehouse.itests.support.TestPorts;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * Nothing accepted is lost: messages accepted while the next hop is down wait in the spool,
 * survive a restart of the queue bundle, and are all delivered once the next hop is back.
 */
public class QueueRestartIT extends MailTestSupport {

    @Test
    public void messagesQueuedWhileTheSinkIsDownSurviveAQueueRestart() throws Exception {
        sink.close();
        String marker = TestMessage.marker();
        int messages = 5;
        List<Long> mids = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            SmtpReply reply = sendMail(publicPort(), "alice@sender.test", "bob@example.com", marker + "-" + i);
            assertEquals(reply.toString(), 250, reply.code());
            mids.add(queuedMid(reply));
        }
        // Delivery has tried and failed at least once: the messages are deferred, not lost.
        within(30).until(() -> {
            List<String> delayed = mailLog().lines().filter(line -> line.contains("Delayed: ")).toList();
            return mids.stream().allMatch(mid -> delayed.stream().anyMatch(line -> line.contains("MID " + mid + " to RID")));
        });

        Bundle queue = bundle("org.gatehouse.queue");
        queue.stop();
        queue.start();
        within(30).until(() -> queue.getState() == Bundle.ACTIVE);

        sink = SmtpSink.start(port(TestPorts.SINK));
        within(90).pollInterval(Duration.ofMillis(250)).until(() -> sink.receivedWith(marker).size() >= messages);
        for (int i = 0; i < messages; i++) {
            assertEquals("copies of message " + i, 1, sink.receivedWith("<" + marker + "-" + i + "@client.test>").size());
        }
    }
}
