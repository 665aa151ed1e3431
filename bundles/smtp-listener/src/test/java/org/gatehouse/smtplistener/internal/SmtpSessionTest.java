package org.gatehouse.smtplistener.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.Spool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session state machine without sockets: a recording channel and a commit the test completes. */
class SmtpSessionTest {

    @TempDir
    Path tempDir;

    /** Records what the session does to its connection. */
    static final class RecordingChannel implements ClientChannel {
        final StringBuilder sent = new StringBuilder();
        boolean closed;
        Runnable tlsReady;

        @Override
        public String remoteIp() {
            return "192.0.2.1";
        }

        @Override
        public void send(byte[] replies) {
            sent.append(new String(replies, StandardCharsets.UTF_8));
        }

        @Override
        public void closeAfterWrites() {
            closed = true;
        }

        @Override
        public void closeNow() {
            closed = true;
        }

        @Override
        public void readTimeout(int seconds) {
        }

        @Override
        public boolean tlsAvailable() {
            return true;
        }

        @Override
        public void startTls(byte[] reply, boolean askForClientCertificate, Runnable ready) {
            send(reply);
            tlsReady = ready;
        }

        @Override
        public String tlsProtocol() {
            return tlsReady == null ? null : "TLSv1.3";
        }

        @Override
        public ClientCertificate clientCertificate() {
            return tlsReady == null ? null : ClientCertificate.NONE;
        }

        List<String> take() {
            List<String> lines = new ArrayList<>(List.of(sent.toString().split("\r\n")));
            sent.setLength(0);
            lines.removeIf(String::isEmpty);
            return lines;
        }
    }

    /** A spool whose commits the test completes by hand. */
    static final class ManualSpool implements Spool {
        final List<CompletableFuture<Void>> commits = new ArrayList<>();
        final StringBuilder content = new StringBuilder();

        @Override
        public long allocateMid() {
            return 7;
        }

        @Override
        public IncomingMessage receive(long mid, Envelope envelope, Connection connection) {
            return new IncomingMessage() {
                @Override
                public long mid() {
                    return mid;
                }

                @Override
                public void write(ByteBuffer b) {
                    content.append(StandardCharsets.UTF_8.decode(b));
                }

                @Override
                public long size() {
                    return content.length();
                }

                @Override
                public CompletionStage<Void> commit() {
                    CompletableFuture<Void> f = new CompletableFuture<>();
                    commits.add(f);
                    return f;
                }

                @Override
                public void abort() {
                    content.setLength(0);
                }
            };
        }
    }

    private final RecordingChannel channel = new RecordingChannel();
    private final ManualSpool spool = new ManualSpool();

    private SmtpSession session() {
        TestServices services = new TestServices();
        services.spool = spool;
        ListenerSettings settings = TestConfig.settings(tempDir, "received.header", false);
        SmtpSession s = new SmtpSession(new ListenerContext(settings, services, Runnable::run), channel, 1);
        s.open(1);
        assertEquals(List.of("220 mx.test ESMTP Gatehouse"), channel.take());
        return s;
    }

    private void in(SmtpSession s, String text) {
        s.received(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pipelinedCommandsWaitForTheCommit() {
        SmtpSession s = session();
        in(s, "EHLO c\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.com>\r\nDATA\r\nhi\r\n.\r\nNOOP\r\n");
        List<String> replies = channel.take();
        assertEquals("354 End data with <CR><LF>.<CR><LF>", replies.get(replies.size() - 1));
        assertEquals(1, spool.commits.size());
        in(s, "NOOP\r\n");
        assertTrue(channel.take().isEmpty(), "commands behind the pending commit wait");
        spool.commits.get(0).complete(null);
        assertEquals(List.of("250 2.0.0 Ok: queued as 7", "250 2.0.0 Ok", "250 2.0.0 Ok"), channel.take());
        assertEquals("hi\r\n", spool.content.toString());
    }

    @Test
    void failedCommitAnswers451() {
        SmtpSession s = session();
        in(s, "HELO c\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.com>\r\nDATA\r\nhi\r\n.\r\n");
        channel.take();
        spool.commits.get(0).completeExceptionally(new java.io.IOException("fsync failed"));
        assertEquals(List.of(Replies.SPOOL_FAILED), channel.take());
    }

    @Test
    void commandsBehindStartTlsAreDropped() {
        SmtpSession s = session();
        in(s, "EHLO c\r\nSTARTTLS\r\nMAIL FROM:<a@example.org>\r\n");
        List<String> replies = channel.take();
        assertEquals(Replies.READY_FOR_TLS, replies.get(replies.size() - 1));
        channel.tlsReady.run();
        in(s, "MAIL FROM:<a@example.org>\r\n");
        assertEquals(List.of(Replies.HELO_FIRST), channel.take());
        in(s, "EHLO c\r\n");
        assertFalse(String.join("\n", channel.take()).contains("STARTTLS"));
    }

    @Test
    void outOfOrderAndErrorsCount() {
        SmtpSession s = session();
        in(s, "RCPT TO:<b@example.com>\r\nDATA\r\nBDAT 3 LAST\r\nabcQUIT\r\n");
        assertEquals(List.of(Replies.HELO_FIRST, Replies.HELO_FIRST, Replies.HELO_FIRST, Replies.BYE), channel.take());
        assertTrue(channel.closed);
    }

    @Test
    void idleBetweenCommandsCloses() {
        SmtpSession s = session();
        s.idle();
        assertEquals(List.of(Replies.timeout("mx.test")), channel.take());
        assertTrue(channel.closed);
    }
}
