package org.gatehouse.mailauth.internal;

/** Text made safe for a header comment: no parentheses or backslashes, no line breaks, bounded. */
final class Comments {

    private static final int MAX = 200;

    private Comments() {
    }

    static String clean(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || c == '\\') {
                continue;
            }
            out.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return out.toString().trim();
    }
}
