package org.gatehouse.antivirus.internal;

/** A signature file that cannot be read as written; the message says which file, line and why. */
public final class SignatureFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignatureFormatException(String message) {
        super(message);
    }
}
