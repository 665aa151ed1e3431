package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Finds the misclassified message inside a report: forwarded "as attachment" it is the first
 * {@code message/rfc822} part; forwarded inline or redirected there is none, and the report
 * itself is learned.
 */
final class ReportedMessage {

    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private ReportedMessage() {
    }

    static Optional<byte[]> attached(InputStream report) throws IOException {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE, DecodeMonitor.SILENT, null);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(report);
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                if (state == EntityState.T_BODY && "message/rfc822".equalsIgnoreCase(stream.getBodyDescriptor().getMimeType())) {
                    try (InputStream in = stream.getDecodedInputStream()) {
                        return Optional.of(in.readNBytes(MAX_BYTES));
                    }
                }
            }
        } catch (MimeException e) {
            throw new IOException("unreadable misclassification report: " + e.getMessage(), e);
        }
        return Optional.empty();
    }
}
