package org.gatehouse.smtplistener.internal;

/** A command's arguments were refused; the message is the complete SMTP reply line. */
final class SmtpReplyException extends Exception {
    private static final long serialVersionUID = 1L;

    SmtpReplyException(String reply) {
        super(reply, null, false, false);
    }

    String reply() {
        return getMessage();
    }
}
