package org.gatehouse.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

/**
 * A message as the pipeline stages and delivery see it. The content stays in the spool and is
 * read as a stream; it is never held as one String.
 */
public interface MailMessage {

    long mid();

    Envelope envelope();

    Connection connection();

    /** When the listener said 250 for it. */
    Instant received();

    /** Size of the content in octets, as it will be delivered (added headers included). */
    long size();

    /** The content as it will be delivered: headers added by stages, then the spooled text (CRLF line ends). */
    InputStream openContent() throws IOException;

    /** Notes stages leave for later stages, the mail log and tracking (verdicts, scores). */
    Map<String, String> annotations();

    void annotate(String key, String value);

    /** Adds a header field on top of the message, e.g. {@code X-Gatehouse-Spam-Score}. */
    void addHeader(String name, String value);

    /**
     * Makes the message carry exactly one field of that name, with this value: the fields of
     * that name the sender wrote are left out on delivery (the spooled text is never changed),
     * e.g. a Subject tagged {@code [SPAM]}.
     */
    void setHeader(String name, String value);

    /** The first field of that name as it will be delivered, unfolded and trimmed, or null when there is none. */
    String header(String name) throws IOException;

    /**
     * Replaces the whole content (header and body), e.g. with the message minus an infected part
     * or wrapped in a notice. The message keeps its MID, envelope and annotations. The new
     * content is durable (fsync'ed) when this returns; a crash before that leaves the old one.
     * Header fields that stages added or set before are dropped with the old content (a writer
     * that wants them copies them from {@link #openContent()}); later ones go on top.
     */
    void replaceContent(ContentWriter writer) throws IOException;
}
