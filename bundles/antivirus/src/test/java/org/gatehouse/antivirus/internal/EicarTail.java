package org.gatehouse.antivirus.internal;

import java.nio.charset.StandardCharsets;

/** Second half of the EICAR test string, joined with {@link EicarHead} at run time. */
final class EicarTail {

    private static final String TEXT = "EICAR-STANDARD-" + "ANTIVIRUS-TEST-FILE!$H+H*";

    private EicarTail() {
    }

    static byte[] eicar() {
        return (EicarHead.TEXT + TEXT).getBytes(StandardCharsets.US_ASCII);
    }
}
