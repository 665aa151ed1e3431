package org.gatehouse.antivirus.internal;

/** First half of the EICAR test string; the second half is in {@link EicarTail} (never whole in one file). */
final class EicarHead {

    static final String TEXT = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";

    private EicarHead() {
    }
}
