package org.gatehouse.antivirus.internal;

import java.io.IOException;

/**
 * Reads clamd's one-line answer: {@code stream: OK}, {@code stream: <name> FOUND},
 * {@code ... ERROR}. clamd's heuristic names for encrypted archives and exceeded limits map to
 * those verdicts; a size-limit error is unscannable; any other error means clamd failed.
 */
final class ClamdReply {

    private ClamdReply() {
    }

    static ScanResult parse(String reply) throws IOException {
        String text = reply.startsWith("stream: ") ? reply.substring(8) : reply;
        if (text.equals("OK")) {
            return ScanResult.clean();
        }
        if (text.endsWith(" FOUND")) {
            String name = text.substring(0, text.length() - 6).trim();
            if (name.startsWith("Heuristics.Encrypted")) {
                return ScanResult.encrypted(name);
            }
            if (name.startsWith("Heuristics.Limits.Exceeded")) {
                return ScanResult.unscannable(name);
            }
            return ScanResult.infected(name, "clamd");
        }
        if (text.endsWith("ERROR") && text.contains("size limit exceeded")) {
            return ScanResult.unscannable("clamd: " + text);
        }
        throw new IOException("clamd answered: " + reply);
    }
}
