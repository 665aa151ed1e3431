package org.gatehouse.antivirus.internal;

import static org.gatehouse.antivirus.internal.Fixtures.MARKER_SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** MIME transfer encodings, uuencode, BinHex and TNEF each reveal what they hide. */
class DecoderTest {

    private static final String HEAD = "From: a@example.org\r\nTo: b@example.com\r\nSubject: t\r\nMIME-Version: 1.0\r\n";

    @Test
    void eicarInBase64AttachmentIsInfected() {
        ScanResult r = Fixtures.scan(Fixtures.mailWithAttachment("eicar.com", EicarTail.eicar()));
        assertEquals(ScanVerdict.INFECTED, r.verdict());
        assertEquals("Eicar-Test-Signature", r.signature());
        assertEquals("test/part 2 eicar.com", r.detail());
    }

    @Test
    void cleanMailIsClean() {
        ScanResult r = Fixtures.scan(Fixtures.mailWithAttachment("hello.txt", "hello".getBytes()));
        assertEquals(ScanVerdict.CLEAN, r.verdict());
    }

    @Test
    void quotedPrintableIsDecoded() {
        String m = Fixtures.MARKER;
        String qp = m.substring(0, 10) + "=\r\n" + m.substring(10, 12) + "=" + Integer.toHexString(m.charAt(12)).toUpperCase()
                + m.substring(13);
        byte[] mail = (HEAD + "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(MARKER_SIGNATURE, Fixtures.scan(mail).signature());
    }

    @Test
    void attachedMessageIsOpened() {
        byte[] inner = Fixtures.mailWithAttachment("x.bin", Fixtures.marked("payload "));
        byte[] mail = (HEAD + "Content-Type: message/rfc822\r\n\r\n" + new String(inner, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(MARKER_SIGNATURE, Fixtures.scan(mail).signature());
    }

    @Test
    void uuencodedFileInTextBody() {
        byte[] file = Fixtures.marked("uu ");
        StringBuilder uu = new StringBuilder("Here you go\r\nbegin 644 payload.bin\r\n");
        for (int i = 0; i < file.length; i += 45) {
            int n = Math.min(45, file.length - i);
            uu.append((char) (32 + n));
            for (int k = i; k < i + n; k += 3) {
                int a = file[k] & 0xFF;
                int b = k + 1 < i + n ? file[k + 1] & 0xFF : 0;
                int c = k + 2 < i + n ? file[k + 2] & 0xFF : 0;
                for (int six : new int[] {a >> 2, (a & 3) << 4 | b >> 4, (b & 15) << 2 | c >> 6, c & 63}) {
                    uu.append(six == 0 ? '`' : (char) (32 + six));
                }
            }
            uu.append("\r\n");
        }
        uu.append("`\r\nend\r\n");
        // Base64 on top, so the marker is visible only after both decodings.
        byte[] mail = Fixtures.mailWithAttachment("notes.txt", uu.toString().getBytes(StandardCharsets.US_ASCII));
        ScanResult r = Fixtures.scan(mail);
        assertEquals(MARKER_SIGNATURE, r.signature());
        assertEquals("test/part 2 notes.txt/payload.bin", r.detail());
    }

    @Test
    void binHexDataFork() throws Exception {
        byte[] data = Fixtures.marked("binhex ");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] name = "mac.bin".getBytes(StandardCharsets.US_ASCII);
        raw.write(name.length);
        raw.write(name);
        raw.write(new byte[1 + 4 + 4 + 2]);
        raw.write(ByteBuffer.allocate(8).putInt(data.length).putInt(0).array());
        raw.write(new byte[2]);
        raw.write(data);
        raw.write(new byte[2 + 2]);
        byte[] bytes = raw.toByteArray();
        StringBuilder text = new StringBuilder(BinHexContent.MARKER + " 4.0)\r\n:");
        int bits = 0;
        int count = 0;
        for (byte b : bytes) {
            bits = bits << 8 | (b & 0xFF);
            count += 8;
            while (count >= 6) {
                count -= 6;
                text.append(BinHexContent.ALPHABET.charAt(bits >> count & 63));
            }
        }
        if (count > 0) {
            text.append(BinHexContent.ALPHABET.charAt(bits << (6 - count) & 63));
        }
        text.append(":\r\n");
        ScanResult r = Fixtures.scan(Fixtures.mailWithAttachment("mac.hqx", text.toString().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MARKER_SIGNATURE, r.signature());
        assertEquals("test/part 2 mac.hqx/mac.bin", r.detail());
    }

    @Test
    void binHexRunLengthExpansion() throws Exception {
        byte[] out = BinHexContent.expandRuns(new byte[] {'a', (byte) 0x90, 4, 'b', (byte) 0x90, 0}, 100);
        assertEquals("aaaab\u0090", new String(out, StandardCharsets.ISO_8859_1));
    }

    @Test
    void tnefAttachment() throws Exception {
        ScanResult r = Fixtures.scan(Fixtures.mailWithAttachment("winmail.dat", tnef("evil.exe", EicarTail.eicar())));
        assertEquals("Eicar-Test-Signature", r.signature());
        // The raw TNEF holds the attachment unencoded; the member itself is checked below.
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<byte[]> contents = new java.util.ArrayList<>();
        new TnefAttachments().unpack(new ScannedObject("w", "winmail.dat", tnef("evil.exe", EicarTail.eicar()), 1), new Members() {
            @Override
            public void add(String name, java.io.InputStream content, long packedSize) throws java.io.IOException {
                names.add(name);
                contents.add(content.readAllBytes());
            }

            @Override
            public void encrypted(String name) {
            }

            @Override
            public void unreadable(String name, String why) {
            }
        });
        assertEquals(java.util.List.of("evil.exe"), names);
        org.junit.jupiter.api.Assertions.assertArrayEquals(EicarTail.eicar(), contents.get(0));
    }

    static byte[] tnef(String title, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putInt(TnefAttachments.SIGNATURE).putShort((short) 1);
        out.writeBytes(head.array());
        attribute(out, 2, 0x00069002, new byte[14]);
        attribute(out, 2, 0x00018010, (title + "\0").getBytes(StandardCharsets.ISO_8859_1));
        attribute(out, 2, 0x0006800F, data);
        return out.toByteArray();
    }

    private static void attribute(ByteArrayOutputStream out, int level, int id, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(11 + value.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) level).putInt(id).putInt(value.length).put(value).putShort((short) 0);
        out.writeBytes(b.array());
    }
}
