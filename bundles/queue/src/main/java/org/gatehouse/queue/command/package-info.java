/** Console commands of the queue ({@code gatehouse:queue-*}): thin callers of QueueAdmin. */
package org.gatehouse.queue.command;
