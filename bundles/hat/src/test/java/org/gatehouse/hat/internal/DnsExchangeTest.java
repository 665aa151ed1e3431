package org.gatehouse.hat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The one-socket exchange against small scripted DNS servers on real loopback sockets. */
class DnsExchangeTest {

    private static final Name LISTED = Name.fromConstantString("2.0.0.127.bl.test.");
    private final List<DatagramSocket> servers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** A server that hands each query (and a way to reply from the server's socket) to the script. */
    private InetSocketAddress server(BiConsumer<Message, Reply> script) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        servers.add(socket);
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            for (int i = 0; i < 100 && !socket.isClosed(); i++) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    Message query = new Message(Arrays.copyOf(p.getData(), p.getLength()));
                    InetSocketAddress client = (InetSocketAddress) p.getSocketAddress();
                    script.accept(query, new Reply() {
                        @Override
                        public void send(Message m) {
                            DnsExchangeTest.send(socket, client, m);
                        }

                        @Override
                        public InetSocketAddress client() {
                            return client;
                        }
                    });
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        t.setDaemon(true);
        t.start();
        threads.add(t);
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    interface Reply {
        void send(Message m);

        InetSocketAddress client();
    }

    private static void send(DatagramSocket from, InetSocketAddress to, Message m) {
        byte[] wire = m.toWire();
        try {
            from.send(new DatagramPacket(wire, wire.length, to));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message listedAnswer(Message query) {
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.addRecord(query.getQuestion(), Section.QUESTION);
        answer.addRecord(new ARecord(query.getQuestion().getName(), DClass.IN, 60, InetAddress.getLoopbackAddress()), Section.ANSWER);
        return answer;
    }

    @AfterEach
    void stop() throws InterruptedException {
        servers.forEach(DatagramSocket::close);
        for (Thread t : threads) {
            t.join(2000);
        }
    }

    @Test
    void answersThatAreNotTheQuestionsAnswerAreIgnored() throws Exception {
        InetSocketAddress server = server((query, reply) -> {
            Message wrongId = listedAnswer(query);
            wrongId.getHeader().setID((query.getHeader().getID() + 1) & 0xffff);
            reply.send(wrongId);
            Message wrongQuestion = new Message(query.getHeader().getID());
            wrongQuestion.getHeader().setFlag(Flags.QR);
            wrongQuestion.addRecord(Record.newRecord(Name.fromConstantString("evil.test."), Type.A, DClass.IN), Section.QUESTION);
            reply.send(wrongQuestion);
            reply.send(listedAnswer(query));
        });
        try (DnsExchange exchange = new DnsExchange(List.of(server), 2000, (s, q) -> null)) {
            Message answer = exchange.await(exchange.send(LISTED, Type.A));
            assertNotNull(answer);
            assertEquals(1, answer.getSection(Section.ANSWER).size());
        }
    }

    @Test
    void answersFromAnotherAddressAreIgnored() throws Exception {
        DatagramSocket forger = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        servers.add(forger);
        InetSocketAddress server = server((query, reply) -> {
            // The forger knows the ID and the question, but not the server's address.
            send(forger, reply.client(), listedAnswer(query));
        });
        try (DnsExchange exchange = new DnsExchange(List.of(server), 300, (s, q) -> null)) {
            assertNull(exchange.await(exchange.send(LISTED, Type.A)));
        }
    }

    @Test
    void aLostQuestionIsSentAgainToTheNextServer() throws Exception {
        AtomicInteger first = new AtomicInteger();
        InetSocketAddress deaf = server((query, reply) -> first.incrementAndGet());
        InetSocketAddress second = server((query, reply) -> reply.send(listedAnswer(query)));
        try (DnsExchange exchange = new DnsExchange(List.of(deaf, second), 1000, (s, q) -> null)) {
            long start = System.nanoTime();
            assertNotNull(exchange.await(exchange.send(LISTED, Type.A)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 450 && millis < 1000, "resent after half the timeout, answered before it: " + millis + " ms");
            assertEquals(1, first.get());
        }
    }

    @Test
    void aTruncatedAnswerIsAskedAgainOverTcp() throws Exception {
        InetSocketAddress server = server((query, reply) -> {
            Message truncated = new Message(query.getHeader().getID());
            truncated.getHeader().setFlag(Flags.QR);
            truncated.getHeader().setFlag(Flags.TC);
            truncated.addRecord(query.getQuestion(), Section.QUESTION);
            reply.send(truncated);
        });
        List<InetSocketAddress> askedOverTcp = new ArrayList<>();
        try (DnsExchange exchange = new DnsExchange(List.of(server), 2000, (s, q) -> {
            askedOverTcp.add(s);
            return listedAnswer(q);
        })) {
            Message answer = exchange.await(exchange.send(LISTED, Type.A));
            assertEquals(List.of(server), askedOverTcp);
            assertEquals(1, answer.getSection(Section.ANSWER).size());
        }
    }

    @Test
    void answersToOtherQuestionsAreKeptWhileOneIsAwaited() throws Exception {
        // The server answers the second question first.
        List<Message> held = new ArrayList<>();
        InetSocketAddress server = server((query, reply) -> {
            held.add(query);
            if (held.size() == 2) {
                reply.send(listedAnswer(held.get(1)));
                reply.send(listedAnswer(held.get(0)));
            }
        });
        try (DnsExchange exchange = new DnsExchange(List.of(server), 2000, (s, q) -> null)) {
            DnsExchange.Question a = exchange.send(Name.fromConstantString("a.test."), Type.A);
            DnsExchange.Question b = exchange.send(Name.fromConstantString("b.test."), Type.A);
            assertEquals("a.test.", exchange.await(a).getQuestion().getName().toString());
            long start = System.nanoTime();
            assertEquals("b.test.", exchange.await(b).getQuestion().getName().toString());
            assertTrue(System.nanoTime() - start < 100_000_000L, "b's answer was already in");
        }
    }
}
