package org.gatehouse.mailauth.internal;

import java.net.InetAddress;

/** The DNS questions mail authentication asks. Never throws: a failure is a {@link DnsAnswer}. */
interface Dns {

    /** TXT records of the name, each record's strings joined. */
    DnsAnswer txt(String name);

    /** A (or AAAA when {@code ipv6}) records of the name, as address text. */
    DnsAnswer addresses(String name, boolean ipv6);

    /** MX targets of the name, most preferred first. */
    DnsAnswer mx(String name);

    /** PTR names of the address. */
    DnsAnswer ptr(InetAddress address);

    /** Which server answers, for the console. */
    String server();
}
