package org.gatehouse.smtplistener.internal;

/**
 * One line of {@code gatehouse:listener-list}.
 *
 * @param active           accepting new connections (false while suspended)
 * @param openConnections  sessions open right now
 * @param messagesAccepted messages answered with 250 since the listener started
 */
public record ListenerStatus(String name, String type, String address, int port, boolean active,
                             int openConnections, long messagesAccepted) {
}
