package org.gatehouse.delivery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough MIME to read a DSN back in tests: top headers, parts, delivery-status fields. */
record Dsn(Map<String, String> headers, List<Part> parts) {

    record Part(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** A field of the n-th group of a message/delivery-status body (0 = per-message). */
        String field(int group, String name) {
            String[] groups = body.split("\r\n\r\n");
            return Dsn.readHeaders(groups[group]).get(name.toLowerCase());
        }
    }

    String header(String name) {
        return headers.get(name.toLowerCase());
    }

    String contentType() {
        return header("Content-Type").replaceAll(";\\s*boundary=\"[^\"]*\"", "");
    }

    static Dsn parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        Map<String, String> top = readHeaders(text.substring(0, split));
        Matcher m = Pattern.compile("boundary=\"([^\"]+)\"").matcher(top.get("content-type"));
        if (!m.find()) {
            throw new AssertionError("No boundary in " + top.get("content-type"));
        }
        String delimiter = "\r\n--" + m.group(1);
        String body = "\r\n" + text.substring(split + 4);
        List<Part> parts = new ArrayList<>();
        String[] pieces = body.split(Pattern.quote(delimiter));
        for (int i = 1; i < pieces.length; i++) {
            String piece = pieces[i];
            if (piece.startsWith("--")) {
                break;
            }
            piece = piece.substring(2);
            int end = piece.indexOf("\r\n\r\n");
            parts.add(new Part(readHeaders(piece.substring(0, end)), piece.substring(end + 4)));
        }
        return new Dsn(top, parts);
    }

    static Map<String, String> readHeaders(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        String unfolded = block.replaceAll("\r\n[ \t]+", " ");
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
