package org.gatehouse.api;

/**
 * The mail log: connection, message and delivery events (implemented by the maillog bundle).
 * Logging must never block mail flow.
 */
public interface MailLog {

    void info(MailEvent event);

    void warning(MailEvent event);
}
