package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test content: a harmless marker signature, a scanner with it, and builders for containers. */
final class Fixtures {

    static final String MARKER = "GATEHOUSE-AV-TEST-MARKER-7Q";
    static final String MARKER_SIGNATURE = "Gatehouse.Test.Marker";

    private Fixtures() {
    }

    static SignatureDatabase database() {
        try {
            SignatureLoader loader = new SignatureLoader(Clock.systemUTC());
            loader.read("test.ndb", new ByteArrayInputStream((MARKER_SIGNATURE + ":0:*:"
                    + hex(MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n").getBytes(StandardCharsets.US_ASCII)));
            try (InputStream in = SignatureLoader.class.getResourceAsStream(SignatureLoader.BUILTIN)) {
                loader.read(SignatureLoader.BUILTIN, in);
            }
            return loader.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SignatureFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentScanner scanner(ScanLimits limits) {
        SignatureDatabase db = database();
        return new ContentScanner(() -> db, limits);
    }

    static ScanResult scan(byte[] content) {
        return scanner(ScanLimits.defaults()).scan("test", new ByteArrayInputStream(content));
    }

    static byte[] marked(String before) {
        return (before + MARKER + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    static byte[] zip(String name, byte[] content, int method) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(method);
            if (method == ZipEntry.STORED) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(content);
                e.setSize(content.length);
                e.setCompressedSize(content.length);
                e.setCrc(crc.getValue());
            }
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        return zip(name, content, ZipEntry.DEFLATED);
    }

    /** A message with one base64 attachment. */
    static byte[] mailWithAttachment(String fileName, byte[] attachment) {
        String b64 = Base64.getMimeEncoder().encodeToString(attachment);
        return ("From: a@example.org\r\nTo: b@example.com\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n--XYZ\r\nContent-Type: text/plain\r\n\r\nHello\r\n"
                + "--XYZ\r\nContent-Type: application/octet-stream; name=\"" + fileName + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64 + "\r\n--XYZ--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
