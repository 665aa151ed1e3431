package org.gatehouse.api;

/** What a stage decided about a message. */
public enum Verdict {
    /** Go on to the next stage. */
    CONTINUE,
    /** Discard the message silently. */
    DROP,
    /** Refuse the message: a DSN goes to the sender. */
    BOUNCE,
    /** Hold the message in the quarantine the result names. */
    QUARANTINE,
    /** Skip the remaining stages and deliver. */
    DELIVER_NOW
}
