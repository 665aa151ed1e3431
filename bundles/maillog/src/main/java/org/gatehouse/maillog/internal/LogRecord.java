package org.gatehouse.maillog.internal;

import java.time.Instant;
import org.gatehouse.api.MailEvent;

/** One event waiting to be written, stamped when it happened rather than when it is written. */
record LogRecord(Instant time, String level, MailEvent event) {
}
