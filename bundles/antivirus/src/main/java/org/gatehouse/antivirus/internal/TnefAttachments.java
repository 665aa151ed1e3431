package org.gatehouse.antivirus.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Attachments inside Outlook's TNEF ({@code winmail.dat}, application/ms-tnef): a signature,
 * then attributes (level, id, length, data, checksum); each attachment's title and data
 * ({@code attAttachTitle}, {@code attAttachData}) become members. Attachments carried only as
 * MAPI properties are not taken apart: the raw TNEF bytes are scanned in any case.
 */
final class TnefAttachments implements Unpacker {

    static final int SIGNATURE = 0x223E9F78;
    static final int ATT_ATTACH_DATA = 0x800F;
    static final int ATT_ATTACH_TITLE = 0x8010;
    static final int ATT_ATTACH_REND_DATA = 0x9002;

    @Override
    public boolean accepts(ScannedObject object) {
        return object.startsWith(0x78, 0x9F, 0x3E, 0x22);
    }

    @Override
    public void unpack(ScannedObject object, Members members) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(object.data()).order(ByteOrder.LITTLE_ENDIAN);
        in.position(6);
        String title = "";
        int count = 0;
        while (in.remaining() > 0) {
            if (in.remaining() < 9) {
                throw new IOException("TNEF attribute header cut short");
            }
            in.get();
            int id = in.getInt() & 0xFFFF;
            long length = in.getInt() & 0xFFFFFFFFL;
            if (length + 2 > in.remaining()) {
                throw new IOException("TNEF attribute longer than the file");
            }
            byte[] value = new byte[(int) length];
            in.get(value);
            in.getShort();
            if (id == ATT_ATTACH_REND_DATA) {
                title = "";
            } else if (id == ATT_ATTACH_TITLE) {
                title = new String(value, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
            } else if (id == ATT_ATTACH_DATA) {
                count++;
                members.add(title.isEmpty() ? "attachment " + count : title, new ByteArrayInputStream(value), -1);
            }
        }
    }
}
