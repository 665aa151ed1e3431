package org.gatehouse.smtplistener.command;

import java.util.List;

import org.gatehouse.smtplistener.internal.ListenerControl;

/** Finds a listener by name for the suspend and resume commands. */
final class Listeners {

    private Listeners() {
    }

    static ListenerControl named(List<ListenerControl> listeners, String name) {
        if (listeners != null) {
            for (ListenerControl l : listeners) {
                if (l.status().name().equals(name)) {
                    return l;
                }
            }
        }
        throw new IllegalArgumentException("No listener named " + name + " (see gatehouse:listener-list)");
    }
}
