package org.gatehouse.smtplistener.internal;

import org.gatehouse.api.HostAccess;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.Spool;

/**
 * The services a listener uses, each possibly absent and replaced at any moment (bundle
 * updates). Sessions ask every time they need one instead of keeping it.
 */
interface MailServices {

    /** The spool, or null while none is registered. */
    Spool spool();

    /**
     * The spool, waiting a bounded time while none is registered (the queue bundle is being
     * updated), so that a message at DATA waits a moment rather than failing. Null if it stays away.
     */
    default Spool awaitSpool() {
        return spool();
    }

    /** The mail log, or null while none is registered. */
    MailLog mailLog();

    /** The HAT for this listener, or null while none is registered. */
    HostAccess hostAccess();

    /** The SMTP AUTH accounts, or null while none are available (AUTH then gets 454 4.7.0). */
    SmtpUsers smtpUsers();
}
