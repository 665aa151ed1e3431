package org.gatehouse.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The TCP ports of one test run. They are chosen once on the host, when Pax Exam asks for the
 * container's configuration, and handed to the container as system properties; the test code
 * inside the container reads the same properties, so both sides agree without a shared file.
 */
public final class TestPorts {

    public static final String SSH = "gatehouse.it.port.ssh";
    public static final String PUBLIC_LISTENER = "gatehouse.it.port.public";
    public static final String PRIVATE_LISTENER = "gatehouse.it.port.private";
    public static final String SINK = "gatehouse.it.port.sink";

    private TestPorts() {
    }

    /** The port stored under {@code name}; on first use (host side) a free loopback port. */
    public static synchronized int get(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = Integer.toString(freePort());
            System.setProperty(name, value);
        }
        return Integer.parseInt(value);
    }

    /** A port nobody listens on right now (bind to 0 and release it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
