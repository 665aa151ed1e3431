package org.gatehouse.queue.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import org.gatehouse.api.IncomingMessage;

/**
 * Run in a child JVM by {@link KillDashNineTest}: writes messages from many threads as fast as
 * it can and prints {@code ACK <mid> <size>} once each commit completed (when a listener would
 * say 250), until it is killed.
 */
public final class CrashingWriter {

    public static void main(String[] args) throws Exception {
        MailQueue q = new MailQueue(QueueSettings.defaults(Path.of(args[0])).withMidBlock(50), Clock.systemUTC());
        q.start();
        for (int w = 0; w < 20; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                try {
                    for (int n = 0; ; n++) {
                        long mid = q.allocateMid();
                        IncomingMessage in = q.receive(mid, QueueFixture.envelope("w" + writer + "@example.org",
                                "b@example.com"), QueueFixture.CONNECTION);
                        byte[] body = ("Subject: " + mid + "\r\n\r\n" + "x".repeat(1000 + (n % 7) * 3000) + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII);
                        in.write(ByteBuffer.wrap(body));
                        in.commit().toCompletableFuture().get();
                        synchronized (System.out) {
                            System.out.println("ACK " + mid + " " + body.length);
                            System.out.flush();
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            t.start();
        }
    }

    private CrashingWriter() {
    }
}
