package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;

/** The anti-spam engine as the stage uses it (this bundle's own service). */
interface Antispam {

    /** Scores one message with the configured engine; throws when that engine cannot answer. */
    SpamScore check(InputStream content, MessageFacts facts) throws IOException;

    Thresholds thresholds();

    /** Learns one message into the site model and saves it (misclassification reports). */
    SpamModel.Learned learn(InputStream content, boolean spam) throws IOException;
}
