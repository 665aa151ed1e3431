package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.util.List;

/**
 * The accounts that may use SMTP AUTH on this gateway's listeners (an internal service of this
 * bundle: the listeners verify against it, the console edits it). Passwords are never kept,
 * only salted hashes, and never logged.
 */
public interface SmtpUsers {

    /** What the console shows of one account: never the hash itself. */
    record Account(String user, String scheme, int iterations) {
    }

    /**
     * True when the user exists and the password is right. Takes as long for an unknown user as
     * for a wrong password, so the time of a reply tells a guesser nothing.
     */
    boolean verify(String user, char[] password);

    /** Adds the user, or gives an existing user a new password. */
    void put(String user, char[] password) throws IOException;

    /** False when there was no such user. */
    boolean delete(String user) throws IOException;

    List<Account> list();
}
