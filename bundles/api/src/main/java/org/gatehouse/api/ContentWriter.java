package org.gatehouse.api;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a message's new content (header and body, CRLF line ends) for {@link MailMessage#replaceContent}. */
@FunctionalInterface
public interface ContentWriter {

    void writeTo(OutputStream out) throws IOException;
}
