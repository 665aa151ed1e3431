package org.gatehouse.delivery.internal;

/** This host did not take the connection: try the next one. */
final class HopFailure extends Exception {
    private final transient SmtpReply reply;

    HopFailure(SmtpReply reply) {
        super(reply.toString());
        this.reply = reply;
    }

    SmtpReply reply() {
        return reply;
    }
}
