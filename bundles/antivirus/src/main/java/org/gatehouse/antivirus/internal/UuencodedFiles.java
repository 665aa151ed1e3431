package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files uuencoded in text ({@code begin 644 name} ... {@code end}), as old mailers and some
 * malware still send them inside a plain text body.
 */
final class UuencodedFiles implements Unpacker {

    private static final Pattern BEGIN = Pattern.compile("(?m)^begin [0-7]{3,4} ([^\\r\\n]+)\\r?$");

    @Override
    public boolean accepts(ScannedObject object) {
        if (!object.looksLikeText() || object.indexOf("begin ", 0) < 0) {
            return false;
        }
        return BEGIN.matcher(object.text()).find();
    }

    @Override
    public void unpack(ScannedObject object, Members members) throws IOException {
        String text = object.text();
        Matcher m = BEGIN.matcher(text);
        while (m.find()) {
            int start = text.indexOf('\n', m.end()) + 1;
            if (start <= 0) {
                break;
            }
            members.add(m.group(1).trim(), new ByteArrayInputStream(decode(text, start)), -1);
        }
    }

    /** Decodes lines from {@code start} until {@code end}, a blank line or the end of the text. */
    static byte[] decode(String text, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Line by line from start: no copy or split of the rest of the text for each file.
        for (int from = start, next; from < text.length(); from = next) {
            int newline = text.indexOf('\n', from);
            next = newline < 0 ? text.length() : newline + 1;
            int to = newline < 0 ? text.length() : newline > from && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            String line = text.substring(from, to);
            if (line.equals("end") || line.isEmpty()) {
                break;
            }
            int length = (line.charAt(0) - 32) & 63;
            int written = 0;
            for (int i = 1; written < length && i < line.length(); i += 4) {
                int a = sixBits(line, i);
                int b = sixBits(line, i + 1);
                int c = sixBits(line, i + 2);
                int d = sixBits(line, i + 3);
                int[] bytes = {a << 2 | b >> 4, (b & 15) << 4 | c >> 2, (c & 3) << 6 | d};
                for (int k = 0; k < 3 && written < length; k++, written++) {
                    out.write(bytes[k] & 0xFF);
                }
            }
        }
        return out.toByteArray();
    }

    private static int sixBits(String line, int i) {
        return i < line.length() ? (line.charAt(i) - 32) & 63 : 0;
    }
}
