package org.gatehouse.api;

/**
 * A stage's answer for one message.
 *
 * @param verdict    what happens next
 * @param reason     why, in words for the mail log (may be empty)
 * @param quarantine the quarantine's name for {@link Verdict#QUARANTINE}, else null
 */
public record StageResult(Verdict verdict, String reason, String quarantine) {

    private static final StageResult CONTINUE = new StageResult(Verdict.CONTINUE, "", null);

    public static StageResult proceed() {
        return CONTINUE;
    }

    public static StageResult drop(String reason) {
        return new StageResult(Verdict.DROP, reason, null);
    }

    public static StageResult bounce(String reason) {
        return new StageResult(Verdict.BOUNCE, reason, null);
    }

    public static StageResult quarantine(String quarantine, String reason) {
        return new StageResult(Verdict.QUARANTINE, reason, quarantine);
    }

    public static StageResult deliverNow(String reason) {
        return new StageResult(Verdict.DELIVER_NOW, reason, null);
    }
}
