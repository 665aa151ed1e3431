package org.gatehouse.itests.support;

/** Second half of the EICAR test string, joined with {@link EicarHead} at run time. */
public final class EicarTail {

    private static final String TEXT = "EICAR-STANDARD-" + "ANTIVIRUS-TEST-FILE!$H+H*";

    private EicarTail() {
    }

    /** The whole EICAR test string, made only now. */
    public static String eicar() {
        return EicarHead.TEXT + TEXT;
    }
}
