package org.gatehouse.delivery.internal;

import java.util.Locale;

/** What the server said it supports in its EHLO reply. */
record ServerExtensions(boolean pipelining, long maxSize, boolean eightBitMime, boolean smtpUtf8,
                        boolean startTls) {

    /** HELO: nothing; maxSize -1 means SIZE was not offered. */
    static final ServerExtensions NONE = new ServerExtensions(false, -1, false, false, false);

    static ServerExtensions parse(SmtpReply ehlo) {
        boolean pipelining = false;
        boolean eightBit = false;
        boolean utf8 = false;
        boolean tls = false;
        long size = -1;
        for (String line : ehlo.lines().subList(1, ehlo.lines().size())) {
            String[] words = line.trim().toUpperCase(Locale.ROOT).split("\\s+");
            switch (words[0]) {
                case "PIPELINING" -> pipelining = true;
                case "8BITMIME" -> eightBit = true;
                case "SMTPUTF8" -> utf8 = true;
                case "STARTTLS" -> tls = true;
                case "SIZE" -> size = words.length > 1 ? parseSize(words[1]) : 0;
                default -> {
                    // Other extensions are not used by delivery.
                }
            }
        }
        return new ServerExtensions(pipelining, size, eightBit, utf8, tls);
    }

    private static long parseSize(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
