package org.gatehouse.antivirus.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name, for the default sender of notices and notifications ({@code MAILER-DAEMON@<host>}). */
final class Hostname {

    private Hostname() {
    }

    /** Looked up once per bundle start: the canonical name takes a reverse DNS lookup. */
    static String local() {
        return Once.NAME;
    }

    private static final class Once {
        static final String NAME = lookUp();
    }

    private static String lookUp() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (UnknownHostException e) {
            // A host without a resolvable name still sends notices; "localhost" says where they came from.
            return "localhost";
        }
    }
}
