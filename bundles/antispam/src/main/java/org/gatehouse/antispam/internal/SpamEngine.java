package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;

/** Something that scores a message: the embedded engine, or an adapter to spamd or Rspamd. */
interface SpamEngine {

    /**
     * Scores the content (RFC 822, CRLF or LF, an mbox {@code From } line allowed).
     *
     * @throws IOException when the engine cannot answer (daemon down, timeout): never a guess
     */
    SpamScore check(InputStream content, MessageFacts facts) throws IOException;

    /** A short name for logs: {@code embedded}, {@code spamd 127.0.0.1:783}. */
    String describe();
}
