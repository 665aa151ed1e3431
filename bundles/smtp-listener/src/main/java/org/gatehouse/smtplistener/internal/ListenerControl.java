package org.gatehouse.smtplistener.internal;

/** What the console may see and do with one listener (registered by each listener component). */
public interface ListenerControl {

    ListenerStatus status();

    /** Stops accepting new connections; open sessions finish. */
    void suspend();

    /** Accepts connections again. */
    void resume() throws java.io.IOException;
}
