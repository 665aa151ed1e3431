package org.gatehouse.hat.internal;

import java.util.Set;

/** What the console asks the running HAT (registered by {@link HostAccessTable}). */
public interface HatInspector {

    /**
     * The decision a host would get on a listener, and why. Counts nothing.
     *
     * @param hostname null to look up reverse DNS; else the name is taken as the host's verified PTR name
     */
    HostTrace trace(String listener, String ip, String hostname);

    /** The listeners that have a HAT, in the order they are configured. */
    Set<String> listeners();
}
