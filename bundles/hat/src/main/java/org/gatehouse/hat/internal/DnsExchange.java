package org.gatehouse.hat.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS questions asked over one UDP socket by the thread that needs the answers, and waited for
 * on that thread. A connection's reverse DNS and DNS list questions go out together and come
 * back without a hand-off to a resolver thread or a socket per question: on a busy two-core
 * gateway those hand-offs, not the network, were what a DNS list added to connection setup.
 * <p>
 * An answer counts only when it comes from a configured server, carries the question's random
 * ID and repeats its question (the kernel picks a random source port per exchange). A question
 * unanswered after half the timeout is sent once more, to the next server; a truncated answer is
 * asked again over TCP. Not thread-safe: one exchange belongs to one decision.
 */
final class DnsExchange implements AutoCloseable {

    /** Asks a question over TCP when the UDP answer was truncated. */
    interface TcpFallback {
        Message ask(InetSocketAddress server, Message query) throws IOException;
    }

    /** One question in flight; {@link #answer} is null until answered, and stays null on a timeout. */
    static final class Question {
        private final Message query;
        private final byte[] wire;
        private final long deadline;
        private long resendAt;
        private int server;
        private boolean done;
        private Message answer;

        private Question(Message query, long now, long timeoutNanos) {
            this.query = query;
            this.wire = query.toWire();
            this.deadline = now + timeoutNanos;
            this.resendAt = now + timeoutNanos / 2;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DnsExchange.class);
    private static final int MAX_UDP_ANSWER = 4096;

    private final DatagramSocket socket;
    private final List<InetSocketAddress> servers;
    private final long timeoutNanos;
    private final TcpFallback tcp;
    private final Map<Integer, Question> pending = new HashMap<>();
    private final byte[] buffer = new byte[MAX_UDP_ANSWER];

    DnsExchange(List<InetSocketAddress> servers, long timeoutMillis, TcpFallback tcp) throws IOException {
        this.socket = new DatagramSocket();
        this.servers = servers;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.tcp = tcp;
    }

    /** Sends the question now; its answer is read by {@link #await}. */
    Question send(Name name, int type) throws IOException {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        while (pending.containsKey(query.getHeader().getID())) {
            query.getHeader().setID(ThreadLocalRandom.current().nextInt(0x10000));
        }
        Question q = new Question(query, System.nanoTime(), timeoutNanos);
        pending.put(query.getHeader().getID(), q);
        transmit(q);
        return q;
    }

    /** The answer to the question, or null when none came in time; answers to others are kept meanwhile. */
    Message await(Question question) throws IOException {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!question.done) {
            long now = System.nanoTime();
            if (now >= question.deadline) {
                question.done = true;
                break;
            }
            long until = Math.min(question.deadline, resendDue(now));
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - now) + 1));
            try {
                packet.setData(buffer);
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            take(packet);
        }
        return question.answer;
    }

    /** Sends again what is due; returns when the next question falls due. */
    private long resendDue(long now) throws IOException {
        long next = Long.MAX_VALUE;
        for (Question q : pending.values()) {
            if (!q.done && q.resendAt <= now) {
                q.resendAt = Long.MAX_VALUE;
                q.server = (q.server + 1) % servers.size();
                transmit(q);
            }
            if (!q.done) {
                next = Math.min(next, q.resendAt);
            }
        }
        return next;
    }

    private void transmit(Question q) throws IOException {
        socket.send(new DatagramPacket(q.wire, q.wire.length, servers.get(q.server)));
    }

    /** Files an answer under its question; anything else (late, forged, garbled) is dropped. */
    private void take(DatagramPacket packet) {
        SocketAddress from = packet.getSocketAddress();
        if (!(from instanceof InetSocketAddress server) || !servers.contains(server)) {
            return;
        }
        Message answer;
        try {
            answer = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
        } catch (IOException garbled) {
            return;
        }
        Question q = pending.get(answer.getHeader().getID());
        if (q == null || q.done || !answer.getHeader().getFlag(Flags.QR)
                || !q.query.getQuestion().equals(answer.getQuestion())) {
            return;
        }
        q.done = true;
        if (!answer.getHeader().getFlag(Flags.TC)) {
            q.answer = answer;
            return;
        }
        try {
            q.answer = tcp.ask(server, q.query);
        } catch (IOException e) {
            LOG.debug("DNS over TCP to {} for {} failed: {}", server, q.query.getQuestion(), e.toString());
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
