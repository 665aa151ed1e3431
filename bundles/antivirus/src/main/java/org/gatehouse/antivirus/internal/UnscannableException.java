package org.gatehouse.antivirus.internal;

/**
 * A scan limit was reached: the whole scan ends as {@code unscannable}. Unchecked so that it
 * passes through the archive readers' own {@code IOException} handling untouched.
 */
final class UnscannableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnscannableException(String why) {
        super(why, null, false, false);
    }
}
