package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;

/** The anti-spam engine as the stage uses it (this bundle's own service). */
interface Antispam {

    /** Scores one message with the configured engine; throws when that engine cannot answer. */
    default SpamScore check(InputStream content, MessageFacts facts) throws IOException {
        return engine(null).check(content, facts);
    }

    /**
     * The engine a mail flow policy chose ({@code embedded}, {@code spamd} or {@code rspamd}), or
     * the configured one for null or empty.
     *
     * @throws IllegalArgumentException for a name that is none of those
     */
    SpamEngine engine(String choice);

    Thresholds thresholds();

    /** The configured engine, as headers and the mail log name it (e.g. {@code embedded}, {@code spamd 127.0.0.1:783}). */
    String engineName();

    /** Learns one message into the site model and saves it (misclassification reports). */
    SpamModel.Learned learn(InputStream content, boolean spam) throws IOException;
}
