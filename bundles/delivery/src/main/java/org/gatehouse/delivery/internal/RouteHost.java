package org.gatehouse.delivery.internal;

import java.util.Locale;

/**
 * One host of an SMTP route: {@code host[:port][/priority]}; lower priority is tried first.
 * IPv6 literals go in brackets: {@code [2001:db8::25]:2525/10}.
 */
public record RouteHost(String host, int port, int priority) {

    public static final int SMTP_PORT = 25;

    public static RouteHost parse(String text) {
        String spec = text.trim();
        int priority = 0;
        int slash = spec.lastIndexOf('/');
        if (slash > 0) {
            priority = Integer.parseInt(spec.substring(slash + 1).trim());
            spec = spec.substring(0, slash).trim();
        }
        String host = spec;
        int port = SMTP_PORT;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed [ in route host " + text);
            }
            host = spec.substring(1, close);
            if (spec.length() > close + 1 && spec.charAt(close + 1) == ':') {
                port = Integer.parseInt(spec.substring(close + 2));
            }
        } else {
            int colon = spec.lastIndexOf(':');
            if (colon > 0 && spec.indexOf(':') == colon) {
                host = spec.substring(0, colon);
                port = Integer.parseInt(spec.substring(colon + 1));
            }
        }
        if (host.isEmpty() || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Bad route host " + text);
        }
        return new RouteHost(host.toLowerCase(Locale.ROOT), port, priority);
    }

    @Override
    public String toString() {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return name + ":" + port + "/" + priority;
    }
}
