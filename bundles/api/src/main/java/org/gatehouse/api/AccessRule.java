package org.gatehouse.api;

/** What a mail flow policy does with a connection. */
public enum AccessRule {
    ACCEPT, REJECT, TCPREFUSE, RELAY, CONTINUE
}
