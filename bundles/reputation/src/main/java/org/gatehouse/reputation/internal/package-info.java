/**
 * Sender reputation (SBRS, feature {@code reputation}): owns the score -10..+10 or "none" that
 * the HAT matches sender groups by. {@link org.gatehouse.reputation.internal.ReputationEngine}
 * asks the configured DNS reputation zones with dnsjava (all zones at once, bounded by a
 * timeout, answers cached with a TTL, failures cached briefly and scored as "no answer") and
 * moves the result by the local history that {@link org.gatehouse.reputation.internal.ReputationStage}
 * (pipeline band 950) learns from the anti-spam and anti-virus verdicts. The licence gates the
 * {@link org.gatehouse.api.SenderReputation} service and the stage; the internal
 * {@link org.gatehouse.reputation.internal.Reputation} service behind them, which the console
 * commands use, is not gated. Nothing is exported.
 */
package org.gatehouse.reputation.internal;
