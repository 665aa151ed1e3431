package org.gatehouse.delivery.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * One place to try to deliver to: a host name from a route or an MX record, with the address
 * DNS gave for it (null for route hosts: the system resolver looks them up at connect time).
 */
public record NextHop(String name, InetAddress address, int port) {

    InetSocketAddress socketAddress() {
        return address != null ? new InetSocketAddress(address, port) : new InetSocketAddress(name, port);
    }

    @Override
    public String toString() {
        return address == null ? name + ":" + port : name + "[" + address.getHostAddress() + "]:" + port;
    }
}
