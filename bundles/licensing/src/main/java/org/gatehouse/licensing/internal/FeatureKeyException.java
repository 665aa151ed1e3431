package org.gatehouse.licensing.internal;

/**
 * A feature key was refused, or a key operation could not be done. The reason says which, in
 * the admin's words, so the console can say plainly why nothing changed.
 */
public final class FeatureKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a key was refused; {@link #label()} is what the console prints. */
    public enum Reason {
        MALFORMED("malformed"),
        UNKNOWN_SIGNER("unknown signer"),
        FORGED("forged"),
        OTHER_INSTALLATION("for another installation"),
        EXPIRED("expired"),
        NOT_FOUND("not found"),
        AMBIGUOUS("ambiguous"),
        STORAGE("not stored");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Reason reason;

    public FeatureKeyException(Reason reason, String detail) {
        super(reason.label() + ": " + detail);
        this.reason = reason;
    }

    public FeatureKeyException(Reason reason, String detail, Throwable cause) {
        super(reason.label() + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
