package org.gatehouse.maillog.internal;

import java.io.IOException;
import java.util.List;

/** The last lines of the text mail log, for the console. */
public interface MailLogTail {

    List<String> tail(int lines) throws IOException;
}
