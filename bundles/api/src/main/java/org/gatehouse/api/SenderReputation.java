package org.gatehouse.api;

/**
 * SBRS: a connecting host's reputation, -10 (certainly a spammer) to +10 (certainly good).
 * Registered by the reputation bundle only while the {@code reputation} feature is licensed; the
 * HAT treats its absence as "none".
 */
public interface SenderReputation {

    /** The score for the address, or null for "none" (nothing known). May ask DNS; answers are cached. */
    Double score(String remoteIp);
}
