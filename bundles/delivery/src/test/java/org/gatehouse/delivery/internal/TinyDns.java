package org.gatehouse.delivery.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative-looking DNS responder for tests on a free UDP port of 127.0.0.1. Names with
 * records answer them; names marked missing answer NXDOMAIN, names marked broken SERVFAIL,
 * every other known name answers NODATA; unknown names answer NXDOMAIN.
 */
final class TinyDns implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<String, Integer> rcodes = new ConcurrentHashMap<>();

    TinyDns() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, "tiny-dns");
        thread.setDaemon(true);
        thread.start();
    }

    String server() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    TinyDns mx(String domain, int preference, String target) throws TextParseException {
        return add(new MXRecord(name(domain), DClass.IN, 60, preference, name(target)));
    }

    TinyDns a(String host, String address) throws IOException {
        return add(new ARecord(name(host), DClass.IN, 60, InetAddress.getByName(address)));
    }

    /** Marks a name that exists but has no records of the asked type. */
    TinyDns exists(String host) {
        records.computeIfAbsent(key(host), k -> new ArrayList<>());
        return this;
    }

    TinyDns broken(String host) {
        rcodes.put(key(host), Rcode.SERVFAIL);
        return this;
    }

    private TinyDns add(Record record) {
        records.computeIfAbsent(key(record.getName().toString()), k -> new ArrayList<>()).add(record);
        return this;
    }

    private static Name name(String text) throws TextParseException {
        return Name.fromString(text.endsWith(".") ? text : text + ".");
    }

    private static String key(String name) {
        return (name.endsWith(".") ? name : name + ".").toLowerCase();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire();
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.getHeader().setFlag(Flags.RA);
        response.addRecord(question, Section.QUESTION);
        String name = key(question.getName().toString());
        Integer rcode = rcodes.get(name);
        List<Record> known = records.get(name);
        if (rcode != null) {
            response.getHeader().setRcode(rcode);
            return response;
        }
        if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            for (Record record : known) {
                if (record.getType() == question.getType() || question.getType() == Type.ANY) {
                    response.addRecord(record, Section.ANSWER);
                }
            }
        }
        if (response.getSection(Section.ANSWER).isEmpty()) {
            // Negative answers carry the zone's SOA, as real servers send them (RFC 2308).
            response.addRecord(soa(), Section.AUTHORITY);
        }
        return response;
    }

    private static SOARecord soa() {
        try {
            return new SOARecord(Name.root, DClass.IN, 60, name("ns.test"), name("admin.test"),
                    1, 3600, 600, 86400, 60);
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
