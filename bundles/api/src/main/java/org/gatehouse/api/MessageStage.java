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
     * Service property: the feature key that gates the stage (e.g. {@code antispam}), absent for
     * a stage every installation has. While that feature is licensed the core expects the stage:
     * messages wait for it rather than pass unscanned when it is away (an update in progress).
     */
    String FEATURE = Entitlement.FEATURE;
    /**
     * Service property (boolean, default true), normally the stage's own {@code enabled}
     * configuration key: a disabled stage is not run and not waited for.
     */
    String ENABLED = "enabled";
    /**
     * Service property (boolean, default false): the stage learns from every message, so it
     * also sees those an earlier stage dropped, bounced, quarantined or sent on at once (after
     * that decision; its own verdict and errors are then ignored). Sender reputation history is one.
     */
    String OBSERVER = "gatehouse.stage.observer";

    /**
     * Reads and annotates the message and decides what happens to it. An exception does not
     * lose the message: the stage's {@value #ON_ERROR} decides.
     */
    StageResult process(MailMessage message) throws Exception;
}
