package org.gatehouse.hat.internal;

/**
 * A host's counters as the console shows them.
 *
 * @param recipientsThisHour   recipients accepted from the host over the last hour (all listeners)
 * @param invalidThisHour      invalid recipients over the last hour
 * @param cutOffUntilMillis    end of the DHAP cut-off, or 0 when not cut off
 */
public record HostStatus(int recipientsThisHour, int invalidThisHour, long cutOffUntilMillis) {

    static final HostStatus UNKNOWN = new HostStatus(0, 0, 0);
}
