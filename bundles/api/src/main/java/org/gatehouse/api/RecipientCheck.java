package org.gatehouse.api;

/**
 * The HAT's answer for one RCPT.
 *
 * @param outcome what the listener does
 * @param reply   the full SMTP reply for a refusal (e.g. {@code 452 4.5.3 Too many recipients}), else null
 * @param reason  why, in words for the mail log (the RAT entry or limit), else null
 */
public record RecipientCheck(Outcome outcome, String reply, String reason) {

    public enum Outcome {
        /** Take the recipient. */
        ACCEPT,
        /** Refuse this recipient with the reply; the session goes on. */
        REFUSE,
        /** Refuse with the reply and close the connection (directory harvest limit reached). */
        REFUSE_AND_CLOSE
    }

    private static final RecipientCheck ACCEPTED = new RecipientCheck(Outcome.ACCEPT, null, null);

    public static RecipientCheck accept() {
        return ACCEPTED;
    }

    public static RecipientCheck refuse(String reply, String reason) {
        return new RecipientCheck(Outcome.REFUSE, reply, reason);
    }

    public static RecipientCheck refuseAndClose(String reply, String reason) {
        return new RecipientCheck(Outcome.REFUSE_AND_CLOSE, reply, reason);
    }
}
