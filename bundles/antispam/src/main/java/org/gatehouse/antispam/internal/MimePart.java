package org.gatehouse.antispam.internal;

/**
 * What the structure of one leaf part says (spam hides behind odd types and encodings).
 *
 * @param mimeType         lower-case type/subtype
 * @param charset          declared charset, lower case, or empty
 * @param transferEncoding content-transfer-encoding, lower case
 * @param filename         the attachment's file name, or empty
 * @param size             decoded bytes read (capped)
 */
record MimePart(String mimeType, String charset, String transferEncoding, String filename, int size) {

    boolean isAttachment() {
        return !filename.isEmpty();
    }

    /** The attachment's file name extension ({@code exe}), or empty. */
    String extension() {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1);
    }
}
