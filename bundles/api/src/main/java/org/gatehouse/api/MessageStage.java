package org.gatehouse.api;

/**
 * One step of the work queue (whiteboard service). The pipeline core runs every registered
 * stage in ascending {@value #ORDER}, one message at a time per worker. A stage keeps no state
 * per message; what it keeps between messages (models, counters) is its own.
 *
 * <p>Bands: filters 200, antispam 300, antivirus 400, content filters 500, encryption 800.
 */
public interface MessageStage {

    /** Service property: the stage's name, e.g. {@code antispam}. */
    String NAME = "gatehouse.stage";

    /** Service property (int): where the stage runs; lower runs first. */
    String ORDER = "gatehouse.stage.order";

    /** Service property: {@code tempfail} (default) or {@code quarantine} when the stage throws. */
    String ON_ERROR = "on.error";

    /**
     * Reads and annotates the message and decides what happens to it. An exception does not
     * lose the message: the stage's {@value #ON_ERROR} decides.
     */
    StageResult process(MailMessage message) throws Exception;
}
