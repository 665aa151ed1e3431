/**
 * The queue bundle owns the durable spool (accepted mail on disk, fsync'ed with group commit),
 * MID allocation, the work queue that runs the {@link org.gatehouse.api.MessageStage} pipeline,
 * and the hand-off of scanned messages to the {@link org.gatehouse.api.DeliveryQueue}. Delivery
 * reports each recipient's fate back here; a message leaves the spool once none is pending.
 */
package org.gatehouse.queue.internal;
